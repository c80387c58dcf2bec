import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type {
  DataSource,
  SourceColumn,
  SourceCreateInput,
  SourceKind,
  SourceTable,
  SourceTestRequest,
  SourceTestResult,
  SourceUpdateInput,
} from '@/features/sources/source-types';

/** Filters of the source list. */
export interface SourceFilters {
  departmentId?: string;
  kind?: SourceKind;
  q?: string;
}

/** Every data-source query starts with this key, so one invalidation refreshes lists, details and schemas. */
export const sourcesKey = ['sources'] as const;

const sourceKey = (id: string) => [...sourcesKey, 'one', id] as const;

/** The sources the caller may see, filtered by department, kind and name. */
export function useSources(filters: SourceFilters = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...sourcesKey, 'list', filters],
    queryFn: ({ signal }) => api.get<ItemList<DataSource>>('/sources', { ...filters }, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** One source with its connection settings (never its secrets) and last test. */
export function useSource(id: string | undefined) {
  return useQuery({
    queryKey: sourceKey(id ?? ''),
    queryFn: ({ signal }) => api.get<DataSource>(`/sources/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/**
 * The tables, views, API or file a source lists. The source is reached on every call, so the answer
 * is kept a while and a failure (502 with the step) is not retried.
 */
export function useSourceTables(id: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...sourceKey(id ?? ''), 'tables'],
    queryFn: ({ signal }) => api.get<ItemList<SourceTable>>(`/sources/${id}/tables`, undefined, signal),
    select: (data) => data.items,
    enabled: !!id && (options.enabled ?? true),
    staleTime: 60_000,
    retry: false,
  });
}

/** The columns of one table of a source (`schema` where the source has several). */
export function useSourceColumns(id: string, table: Pick<SourceTable, 'name' | 'schema'>) {
  return useQuery({
    queryKey: [...sourceKey(id), 'columns', table.schema ?? '', table.name],
    queryFn: ({ signal }) =>
      api.get<ItemList<SourceColumn>>(
        `/sources/${id}/tables/${encodeURIComponent(table.name)}/columns`,
        { schema: table.schema ?? undefined },
        signal,
      ),
    select: (data) => data.items,
    staleTime: 60_000,
    retry: false,
  });
}

function useSourceMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: sourcesKey }) });
}

/** Registers a source; its credentials are sealed by the server. */
export function useCreateSource() {
  return useSourceMutation((input: SourceCreateInput) => api.post<DataSource>('/sources', input));
}

/** Updates a source: name, description, status, connection, password or headers. */
export function useUpdateSource() {
  return useSourceMutation(({ id, ...changes }: SourceUpdateInput) => api.patch<DataSource>(`/sources/${id}`, changes));
}

/** Deletes a source nothing is mounted on (409 otherwise). */
export function useDeleteSource() {
  return useSourceMutation((id: string) => api.delete(`/sources/${id}`));
}

/** Tests a stored source; the result is recorded on it. */
export function useTestSource() {
  return useSourceMutation((id: string) => api.post<SourceTestResult>(`/sources/${id}/test`));
}

/** Tests settings before they are saved; nothing is stored. */
export function useTestSourceSettings() {
  return useMutation({ mutationFn: (input: SourceTestRequest) => api.post<SourceTestResult>('/sources/test', input) });
}

/** Uploads the CSV or XLSX file of a file source, replacing the previous one. */
export function useUploadSourceFile() {
  return useSourceMutation(({ id, file }: { id: string; file: File }) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return api.put<DataSource>(`/sources/${id}/file`, body);
  });
}
