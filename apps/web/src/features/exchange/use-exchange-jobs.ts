import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Permission } from '@shuyuan/contracts';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import { useCan, useMe } from '@/features/identity/use-session';

type Schemas = components['schemas'];

/** A table job (库表任务): aggregation (归集) into the store, or distribution (分发) into a consumer's database. */
export type ExchangeJob = Schemas['ExchangeJob'];
/** One run of a table job, with its counters and, while it runs, its phase. */
export type ExchangeRun = Schemas['ExchangeRun'];
/** A column the source lost or whose type changed: what stopped a job. */
export type JobDrift = Schemas['ExchangeJobDrift'];
/** What is sent to create a job (aggregate or distribute). */
export type JobCreateInput = Schemas['ExchangeJobCreateInput'];
/** What is sent to change a job: schedule, pause or resume, accept drift. */
export type JobUpdateInput = Schemas['ExchangeJobUpdateInput'];

/** Filters of the job list (the server's own). */
export interface JobFilters {
  kind?: ExchangeJob['kind'];
  entryId?: string;
  grantId?: string;
}

/** While a run is queued or running, its job and history are asked for this often. */
export const LIVE_RUN_REFRESH_MS = 2_000;
/** How many runs the history shows. */
export const RUN_HISTORY_LIMIT = 50;

/** Every table-job query starts with this key, so one invalidation refreshes lists, jobs and histories. */
export const exchangeJobsKey = ['exchange-jobs'] as const;

/** True while a run waits for a worker or runs. */
export function isLive(run: Pick<ExchangeRun, 'status'> | null | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running';
}

const liveInterval = (live: boolean) => (live ? LIVE_RUN_REFRESH_MS : false);

/** The jobs of the caller's departments (owned, or of resources they provide); every job for the bureau. */
export function useJobs(filters: JobFilters = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...exchangeJobsKey, 'list', filters],
    queryFn: ({ signal }) => api.get<ItemList<ExchangeJob>>('/exchange/jobs', { ...filters }, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    // A list showing a live run follows it too, so its counters move.
    refetchInterval: (query) => liveInterval((query.state.data?.items ?? []).some((job) => isLive(job.lastRun))),
    enabled: options.enabled ?? true,
  });
}

/** One job with its last run; asked for again every 2 s while that run is queued or running. */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: [...exchangeJobsKey, 'job', id],
    queryFn: ({ signal }) => api.get<ExchangeJob>(`/exchange/jobs/${id}`, undefined, signal),
    refetchInterval: (query) => liveInterval(isLive(query.state.data?.lastRun)),
    enabled: !!id,
  });
}

/** A job's runs, newest first; followed every 2 s while the newest is queued or running. */
export function useJobRuns(id: string | undefined) {
  return useQuery({
    queryKey: [...exchangeJobsKey, 'runs', id],
    queryFn: ({ signal }) => api.get<ItemList<ExchangeRun>>(`/exchange/jobs/${id}/runs`, { limit: RUN_HISTORY_LIMIT }, signal),
    select: (data) => data.items,
    refetchInterval: (query) => liveInterval(isLive(query.state.data?.items[0])),
    enabled: !!id,
  });
}

function useJobMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: exchangeJobsKey }) });
}

/** Creates an aggregation or a distribution; the source's columns are read and kept as the job's baseline. */
export function useCreateJob() {
  return useJobMutation((input: JobCreateInput) => api.post<ExchangeJob>('/exchange/jobs', input));
}

/** Changes a job's schedule, pauses or resumes it, or accepts its source's changed columns. */
export function useUpdateJob() {
  return useJobMutation(({ id, ...body }: JobUpdateInput & { id: string }) => api.put<ExchangeJob>(`/exchange/jobs/${id}`, body));
}

/** Queues a run now (409 while one is queued or running, or when the job stopped on drift). */
export function useRunJob() {
  return useJobMutation((id: string) => api.post<ExchangeRun>(`/exchange/jobs/${id}/run`));
}

/**
 * Whether the user may change a job: jobs belong to one department (the provider's aggregation, the
 * consumer's distribution), and a provider also sees the distributions of its resources, read only.
 */
export function useMayManageJob(): (job: ExchangeJob) => boolean {
  const can = useCan();
  const me = useMe();
  const department = me.data?.user.departmentId;
  return (job) =>
    can(Permission.JobManage) &&
    (can(Permission.ScopeAll) || job.kind === 'aggregate' || job.departmentId === department || job.providerDepartmentId !== department);
}
