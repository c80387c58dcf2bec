import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { InfoSystem, InfoSystemCreateInput, InfoSystemUpdateInput } from '@/features/catalog/catalog-types';
import { catalogKey } from '@/features/catalog/use-catalog';

const systemsKey = [...catalogKey, 'systems'] as const;

/** Filters of the systems registry. */
export interface SystemQuery {
  q?: string;
  departmentId?: string;
  status?: InfoSystem['status'];
}

/** The information systems registry (up to 1000, ordered by department and name). */
export function useSystems(query: SystemQuery = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...systemsKey, query],
    queryFn: ({ signal }) => api.get<ItemList<InfoSystem>>('/catalog/systems', { ...query }, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}

/** One system. */
export function useSystem(id: string | null) {
  return useQuery({
    queryKey: [...systemsKey, 'one', id],
    queryFn: ({ signal }) => api.get<InfoSystem>(`/catalog/systems/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** The published entries linked to a system (the system side of 目录—数据—系统). */
export function useSystemEntries(id: string | null) {
  return useQuery({
    queryKey: [...systemsKey, 'entries', id],
    queryFn: ({ signal }) =>
      api.get<ItemList<{ id: string; code: string; name: string; status: string }>>(`/catalog/systems/${id}/entries`, undefined, signal),
    select: (data) => data.items,
    enabled: !!id,
  });
}

function useSystemMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: systemsKey }) });
}

/** Registers a system in the caller's department (or one below it). */
export function useCreateSystem() {
  return useSystemMutation((input: InfoSystemCreateInput) => api.post<InfoSystem>('/catalog/systems', input));
}

/** Updates a system at the version it was read. */
export function useUpdateSystem() {
  return useSystemMutation(({ id, ...changes }: InfoSystemUpdateInput & { id: string }) =>
    api.patch<InfoSystem>(`/catalog/systems/${id}`, changes),
  );
}

/** Deletes a system no entry links. */
export function useDeleteSystem() {
  return useSystemMutation((id: string) => api.delete(`/catalog/systems/${id}`));
}
