import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Permission } from '@shuyuan/contracts';
import { api, isApiError } from '@/api/client';
import { meQueryKey } from '@/api/query-client';
import type { LoginResult, Me } from '@/features/identity/identity-types';

/** Loads the session; null when nobody is logged in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (error) {
    if (isApiError(error, { status: 401 })) return null;
    throw error;
  }
}

/** The logged-in user, roles and permissions, or null for a visitor. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** A permission check against the current session: `can('identity.user.manage')`. */
export function useCan(): (permission: string) => boolean {
  const { data: me } = useMe();
  const held = new Set(me?.permissions ?? []);
  return (permission) => held.has(permission);
}

/** Where a user goes after login when no `next` was asked for: the console for administrators, else the sharing portal. */
export function homeFor(me: Me | null | undefined): string {
  if (me?.permissions.includes(Permission.ConsoleAccess)) return '/console';
  if (me?.permissions.includes(Permission.ShareAccess)) return '/share';
  return '/';
}

/** Logs in with login and password, then reloads the session. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { login: string; password: string }) => api.post<LoginResult>('/auth/login', input),
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
    },
  });
}

/** Ends the session on the server and forgets every cached answer. */
function useEndSession(path: '/auth/logout' | '/auth/logout-all') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(path),
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

/** Logs out of this session. */
export function useLogout() {
  return useEndSession('/auth/logout');
}

/** Logs out of every session of the user, on every device. */
export function useLogoutAll() {
  return useEndSession('/auth/logout-all');
}

/** Changes the caller's password; other sessions end, this one stays. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
