import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';

/** A node of the cascade (级联): an upper or lower install, its link and the state of its queue. */
export type CascadeNode = components['schemas']['CascadeNode'];

/** What is sent to register a node. */
export type CascadeNodeCreateInput = components['schemas']['CascadeNodeCreate'];

/** Changed fields of a node (address, enabled, a new secret) and the version they were read at. */
export type CascadeNodeUpdateInput = components['schemas']['CascadeNodeUpdate'] & { id: string };

/** How often the status page asks again: the queue and the lag change by the second. */
export const CASCADE_REFRESH_MS = 5_000;

/** A lag above this many seconds is shown as a warning. */
export const LAG_WARNING_SECONDS = 2;

const nodesKey = ['cascade', 'nodes'] as const;

/** The nodes with their queue length, lag and last error, refreshed every five seconds. */
export function useCascadeNodes() {
  return useQuery({
    queryKey: nodesKey,
    queryFn: ({ signal }) => api.get<ItemList<CascadeNode>>('/cascade/nodes', undefined, signal),
    select: (data) => data.items,
    refetchInterval: CASCADE_REFRESH_MS,
  });
}

function useNodeMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: nodesKey }) });
}

/** Registers a node and the key and secret of the link (the same at both ends). */
export function useCreateNode() {
  return useNodeMutation((input: CascadeNodeCreateInput) => api.post<CascadeNode>('/cascade/nodes', input));
}

/** Changes a node's address, enables or disables it, or rotates the link secret. */
export function useUpdateNode() {
  return useNodeMutation(({ id, ...changes }: CascadeNodeUpdateInput) => api.patch<CascadeNode>(`/cascade/nodes/${id}`, changes));
}

/** Sends a node's queued changes now instead of after the backoff. */
export function useRetryNode() {
  return useNodeMutation((id: string) => api.post<CascadeNode>(`/cascade/nodes/${id}/retry`));
}

/** A random link secret: 32 bytes of the browser's CSPRNG as 64 hex digits. */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
