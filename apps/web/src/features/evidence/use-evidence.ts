import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';

/** The evidence log's Merkle tree: size, root, queue, latest checkpoint and the node's signing key. */
export type EvidenceStatus = components['schemas']['EvidenceStatus'];
/** A checkpoint: the tree's size and root at a moment, signed with the node's SM2 key. */
export type EvidenceCheckpoint = components['schemas']['EvidenceCheckpoint'];
/** An entry of the log with its inclusion proof. */
export type EvidenceInclusion = components['schemas']['EvidenceInclusion'];

/** How often the page asks again: the tree grows as exchanges happen. */
export const EVIDENCE_REFRESH_MS = 10_000;

const key = ['evidence'] as const;

export function useEvidenceStatus() {
  return useQuery({
    queryKey: [...key, 'status'],
    queryFn: ({ signal }) => api.get<EvidenceStatus>('/evidence/status', undefined, signal),
    refetchInterval: EVIDENCE_REFRESH_MS,
  });
}

export function useCheckpoints() {
  return useQuery({
    queryKey: [...key, 'checkpoints'],
    queryFn: ({ signal }) => api.get<ItemList<EvidenceCheckpoint>>('/evidence/checkpoints', { limit: 20 }, signal),
    select: (data) => data.items,
    refetchInterval: EVIDENCE_REFRESH_MS,
  });
}

/** Sequences what is queued and signs a checkpoint now. */
export function useSignCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<EvidenceCheckpoint>('/evidence/checkpoints'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** An entry with its inclusion proof against the latest checkpoint; null index asks for nothing. */
export function useEvidenceLeaf(index: number | null) {
  return useQuery({
    queryKey: [...key, 'leaf', index],
    queryFn: ({ signal }) => api.get<EvidenceInclusion>(`/evidence/leaves/${index}`, undefined, signal),
    enabled: index !== null,
    retry: false,
  });
}
