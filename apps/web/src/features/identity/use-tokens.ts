import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { AccessToken } from '@/features/identity/identity-types';

/** Fields sent to create a personal access token. */
export type TokenCreateInput = components['schemas']['AccessTokenCreate'];

const tokensKey = ['tokens'] as const;

/** The caller's personal access tokens. */
export function useTokens(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<ItemList<AccessToken>>('/auth/tokens', undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** Creates a token; the answer holds the token itself, shown once. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenCreateInput) => api.post<{ token: string; item: AccessToken }>('/auth/tokens', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

/** Revokes a token. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/auth/tokens/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
