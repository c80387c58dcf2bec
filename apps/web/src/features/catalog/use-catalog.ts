import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type ItemList, type QueryParams } from '@/api/client';
import type {
  CatalogContent,
  CatalogEntry,
  CatalogEntryCreateInput,
  CatalogSearchResult,
  EntryDiff,
  EntryVersion,
  TimelineEvent,
} from '@/features/catalog/catalog-types';

/** Every catalog query starts with this key, so one invalidation refreshes lists, entries and histories. */
export const catalogKey = ['catalog'] as const;

const entryKey = (id: string) => [...catalogKey, 'entry', id] as const;

/** One page of entries with facets; the previous page stays on screen while the next loads. */
export function useCatalogSearch(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...catalogKey, 'search', params],
    queryFn: ({ signal }) => api.get<CatalogSearchResult>('/catalog/entries', params, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Loads an entry afresh from the server (to reload after a version conflict), updating the cache. */
export function fetchEntry(queryClient: QueryClient, id: string) {
  return queryClient.fetchQuery({
    queryKey: entryKey(id),
    queryFn: ({ signal }) => api.get<CatalogEntry>(`/catalog/entries/${id}`, undefined, signal),
    staleTime: 0,
  });
}

/** One entry with its content, pending change, systems, review deadline and the caller's actions. */
export function useCatalogEntry(id: string | undefined) {
  return useQuery({
    queryKey: entryKey(id ?? ''),
    queryFn: ({ signal }) => api.get<CatalogEntry>(`/catalog/entries/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** The lifecycle of an entry, oldest step first. */
export function useEntryTimeline(id: string | undefined) {
  return useQuery({
    queryKey: [...entryKey(id ?? ''), 'timeline'],
    queryFn: ({ signal }) => api.get<ItemList<TimelineEvent>>(`/catalog/entries/${id}/timeline`, undefined, signal),
    select: (data) => data.items,
    enabled: !!id,
  });
}

/** The published versions of an entry, newest first. */
export function useEntryVersions(id: string | undefined) {
  return useQuery({
    queryKey: [...entryKey(id ?? ''), 'versions'],
    queryFn: ({ signal }) => api.get<ItemList<EntryVersion>>(`/catalog/entries/${id}/versions`, undefined, signal),
    select: (data) => data.items,
    enabled: !!id,
  });
}

/** The differences between two versions; by default the pending change against what is published. */
export function useEntryDiff(id: string | undefined, range: { from?: string; to?: string } = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...entryKey(id ?? ''), 'diff', range.from ?? '', range.to ?? ''],
    queryFn: ({ signal }) => api.get<EntryDiff>(`/catalog/entries/${id}/diff`, { from: range.from, to: range.to }, signal),
    enabled: !!id && (options.enabled ?? true),
  });
}

/** After any change the answer is the entry as it now stands: cache it and refresh every catalog list. */
function useEntryMutation<TInput, TResult extends CatalogEntry | void>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (entry: TResult) => {
      if (entry) queryClient.setQueryData(entryKey(entry.id), entry);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

/** Compiles a new entry; it starts as a draft. */
export function useCreateEntry() {
  return useEntryMutation((input: CatalogEntryCreateInput) => api.post<CatalogEntry>('/catalog/entries', input));
}

/** Saves content at the version it was read: a draft in place, a published entry as a pending change. */
export function useUpdateEntry() {
  return useEntryMutation(({ id, content, version }: { id: string; content: CatalogContent; version: number }) =>
    api.put<CatalogEntry>(`/catalog/entries/${id}`, { content, version }),
  );
}

/** A lifecycle step that needs only the version: submit, withdraw, discard a change. */
export type EntryStep = 'submit' | 'withdraw' | 'discard-change';

/** Takes a lifecycle step. */
export function useEntryStep() {
  return useEntryMutation(({ id, step, version }: { id: string; step: EntryStep; version: number }) =>
    api.post<CatalogEntry>(`/catalog/entries/${id}/${step}`, { version }),
  );
}

/** Asks for a published entry to be retired, with the reason. */
export function useRetireEntry() {
  return useEntryMutation(({ id, reason, version }: { id: string; reason: string; version: number }) =>
    api.post<CatalogEntry>(`/catalog/entries/${id}/retire`, { reason, version }),
  );
}

/** The bureau asks the department to update a published entry (due in 10 working days), with the reason. */
export function useRequestUpdate() {
  return useEntryMutation(({ id, reason, version }: { id: string; reason: string; version: number }) =>
    api.post<CatalogEntry>(`/catalog/entries/${id}/request-update`, { reason, version }),
  );
}

/** Deletes a draft that was never published. */
export function useDeleteEntry() {
  return useEntryMutation(({ id, version }: { id: string; version: number }) => api.delete(`/catalog/entries/${id}`, { version }));
}

/** The bureau's decision on what is in review. */
export function useReviewEntry() {
  return useEntryMutation(
    ({ id, decision, comment, version }: { id: string; decision: 'approve' | 'return'; comment?: string; version: number }) =>
      api.post<CatalogEntry>(`/catalog/entries/${id}/review`, { decision, comment: comment || undefined, version }),
  );
}
