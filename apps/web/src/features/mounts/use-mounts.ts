import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import { catalogKey } from '@/features/catalog/use-catalog';
import type { Mount, MountInput, MountPreview, MountReviewInput } from '@/features/mounts/mount-types';

// Under the catalog's key: a change to a mount changes the entry's mount status, its lists and timeline.
const mountsKey = (entryId: string) => [...catalogKey, 'entry', entryId, 'mounts'] as const;

/** The live mounts of an entry (removed ones are left out), oldest first. */
export function useEntryMounts(entryId: string | undefined) {
  return useQuery({
    queryKey: mountsKey(entryId ?? ''),
    queryFn: ({ signal }) => api.get<ItemList<Mount>>(`/catalog/entries/${entryId}/mounts`, undefined, signal),
    select: (data) => data.items,
    enabled: !!entryId,
  });
}

/**
 * Compares the resource's columns with the entry's data items; nothing is written, so it is a query
 * keyed by what is compared: changing the column map compares again, the last answer stays meanwhile.
 */
export function useMountPreview(entryId: string, input: MountInput | null) {
  return useQuery({
    queryKey: [...mountsKey(entryId), 'preview', input],
    queryFn: () => api.post<MountPreview>(`/catalog/entries/${entryId}/mounts/preview`, input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
}

function useMountMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: catalogKey }) });
}

/** Requests a mount; refused with MOUNT_INCOMPLETE (details.diff) when the resource does not cover the items. */
export function useCreateMount(entryId: string) {
  return useMountMutation((input: MountInput) => api.post<Mount>(`/catalog/entries/${entryId}/mounts`, input));
}

/** Approves a requested mount or returns it with a comment. */
export function useReviewMount() {
  return useMountMutation(({ id, ...body }: MountReviewInput & { id: string }) => api.post<Mount>(`/catalog/mounts/${id}/review`, body));
}

/** Takes a mount off its entry. */
export function useRemoveMount() {
  return useMountMutation(({ id, version }: { id: string; version: number }) => api.delete(`/catalog/mounts/${id}`, { version }));
}
