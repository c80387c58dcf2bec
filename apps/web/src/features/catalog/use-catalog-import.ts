import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type QueryParams } from '@/api/client';
import type { components } from '@/api/schema.gen';
import { catalogKey } from '@/features/catalog/use-catalog';

/** A durable Excel import job (导入任务) and how far it got. */
export type ImportJob = components['schemas']['CatalogImportJob'];

/** One problem of an uploaded workbook: sheet, 1-based row, column header, reason and its kind. */
export type ImportError = components['schemas']['CatalogImportError'];

/** What is wrong with a cell, a row or the file, as a stable key. */
export type ImportErrorKind = components['schemas']['CatalogImportErrorKind'];

const importsKey = [...catalogKey, 'imports'] as const;

/** True once a job will not change any more. */
export const isFinished = (job: Pick<ImportJob, 'status'>) => job.status === 'done' || job.status === 'failed';

/** The URL of the empty compilation template (编制模板). */
export const templateUrl = () => apiUrl('/catalog/template.xlsx');

/** The URL of the export of a filtered list: the list's filters, without paging and facets (the export takes every match). */
export function exportUrl(params: QueryParams): string {
  const { limit: _limit, offset: _offset, facets: _facets, ...filters } = params;
  return apiUrl('/catalog/export.xlsx', filters);
}

/** The caller's latest import jobs (without their errors). */
export function useImportJobs() {
  return useQuery({
    queryKey: importsKey,
    queryFn: ({ signal }) => api.get<ItemList<ImportJob>>('/catalog/imports', undefined, signal),
    select: (data) => data.items,
  });
}

/** One import job, polled every second until it is done or failed. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...importsKey, id ?? ''],
    queryFn: async ({ signal }) => {
      const job = await api.get<ImportJob>(`/catalog/imports/${id}`, undefined, signal);
      // A finished import changes the catalog lists and the list of jobs (not this job: that would poll again).
      if (isFinished(job)) {
        void queryClient.invalidateQueries({ queryKey: [...catalogKey, 'search'] });
        void queryClient.invalidateQueries({ queryKey: importsKey, exact: true });
      }
      return job;
    },
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 1000),
  });
}

/** Uploads a filled template and queues it as an import job. */
export function useQueueImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<ImportJob>('/catalog/imports', body);
    },
    onSuccess: (job) => {
      queryClient.setQueryData([...importsKey, job.id], job);
      void queryClient.invalidateQueries({ queryKey: importsKey, exact: true });
    },
  });
}
