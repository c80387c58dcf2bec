import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { Department, DepartmentInput } from '@/features/identity/identity-types';

/** Changed fields of a department and the version they were read at. */
export type DepartmentUpdateInput = components['schemas']['DepartmentUpdate'] & { id: string };

const departmentsKey = ['departments'] as const;

/** Every department the caller may see, flat and ordered for a tree. */
export function useDepartments(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: ({ signal }) => api.get<ItemList<Department>>('/departments', undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** Creates a department. */
export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DepartmentInput) => api.post<Department>('/departments', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentsKey }),
  });
}

/** Updates a department: the changed fields and the version they were read at. */
export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: DepartmentUpdateInput) => api.patch<Department>(`/departments/${id}`, changes),
    onSettled: () => queryClient.invalidateQueries({ queryKey: departmentsKey }),
  });
}

/** Deletes an empty department. */
export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/departments/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentsKey }),
  });
}
