import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { PermissionInfo, Role } from '@/features/identity/identity-types';
import type { Lang } from '@/i18n/messages';

/** Fields sent to create a custom role. */
export type RoleCreateInput = components['schemas']['RoleCreate'];

/** Changed fields of a role and the version they were read at. */
export type RoleUpdateInput = components['schemas']['RoleUpdate'] & { id: string };

const rolesKey = ['roles'] as const;

/** Every role. */
export function useRoles(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => api.get<ItemList<Role>>('/roles', undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
    staleTime: 5 * 60_000,
  });
}

/** Every permission of the platform, with descriptions. */
export function usePermissions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => api.get<ItemList<PermissionInfo>>('/permissions', undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
    staleTime: Infinity,
  });
}

function useRoleMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: rolesKey }) });
}

/** Creates a custom role. */
export function useCreateRole() {
  return useRoleMutation((input: RoleCreateInput) => api.post<Role>('/roles', input));
}

/** Updates a role's names, description or permissions. */
export function useUpdateRole() {
  return useRoleMutation(({ id, ...changes }: RoleUpdateInput) => api.patch<Role>(`/roles/${id}`, changes));
}

/** Deletes an unused custom role. */
export function useDeleteRole() {
  return useRoleMutation((id: string) => api.delete(`/roles/${id}`));
}

/** The role's name in the given language. */
export function roleName(role: Pick<Role, 'nameZh' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? role.nameEn : role.nameZh;
}

/** The permission's description in the given language. */
export function permissionDescription(permission: PermissionInfo, lang: Lang): string {
  return lang === 'en' ? permission.descriptionEn : permission.descriptionZh;
}
