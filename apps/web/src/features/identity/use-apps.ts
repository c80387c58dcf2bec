import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { ClientApp, NewAppSecret } from '@/features/identity/identity-types';

/** Fields sent to create a client application. */
export type AppCreateInput = components['schemas']['ClientAppCreate'];

/** Changed fields of an application and the version they were read at. */
export type AppUpdateInput = components['schemas']['ClientAppUpdate'] & { id: string };

const appsKey = ['apps'] as const;

/** The client applications the caller may see, optionally of one department. */
export function useApps(departmentId?: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appsKey, departmentId ?? null],
    queryFn: ({ signal }) => api.get<ItemList<ClientApp>>('/apps', { departmentId }, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

function useAppMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: appsKey }) });
}

/** Creates an application with its first secret, shown once. */
export function useCreateApp() {
  return useAppMutation((input: AppCreateInput) => api.post<{ app: ClientApp; secret: NewAppSecret }>('/apps', input));
}

/** Updates an application's name, description or status. */
export function useUpdateApp() {
  return useAppMutation(({ id, ...changes }: AppUpdateInput) => api.patch<ClientApp>(`/apps/${id}`, changes));
}

/** Adds a secret (at most two active), shown once. */
export function useCreateAppSecret() {
  return useAppMutation((appId: string) => api.post<NewAppSecret>(`/apps/${appId}/secrets`));
}

/** Revokes a secret. */
export function useRevokeAppSecret() {
  return useAppMutation(({ appId, secretId }: { appId: string; secretId: string }) => api.delete(`/apps/${appId}/secrets/${secretId}`));
}
