import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserStatus } from '@shuyuan/contracts';
import { api, type Page } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { User, UserWithPassword } from '@/features/identity/identity-types';

/** Filters and page of the user list. */
export interface UserQuery {
  q?: string;
  departmentId?: string;
  role?: string;
  status?: UserStatus;
  limit: number;
  offset: number;
}

/** Fields sent to create a user. */
export type UserCreateInput = components['schemas']['UserCreate'];

/** Changed fields of a user and the version they were read at. */
export type UserUpdateInput = components['schemas']['UserUpdate'] & { id: string };

const usersKey = ['users'] as const;

/** One page of users matching the filters. */
export function useUsers(query: UserQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

function useUserMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}

/** Creates a user; the answer carries the initial password, shown once. */
export function useCreateUser() {
  return useUserMutation((input: UserCreateInput) => api.post<UserWithPassword>('/users', input));
}

/** Updates a user with optimistic concurrency. */
export function useUpdateUser() {
  return useUserMutation(({ id, ...changes }: UserUpdateInput) => api.patch<User>(`/users/${id}`, changes));
}

/** Resets a password to a new initial one, shown once. */
export function useResetPassword() {
  return useUserMutation((id: string) => api.post<UserWithPassword>(`/users/${id}/reset-password`));
}

/** Lifts a lockout. */
export function useUnlockUser() {
  return useUserMutation((id: string) => api.post<User>(`/users/${id}/unlock`));
}
