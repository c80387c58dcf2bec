import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { ProvenLeaves } from '@/features/evidence/proven-leaves';

type Schemas = components['schemas'];

/**
 * A table job (库表任务): aggregation (归集) into the store, distribution (分发) into a consumer's database, or
 * return flow (回流) of a region's rows to a lower node of the cascade.
 */
export type ExchangeJob = Schemas['ExchangeJob'];
/** One run of a table job, with its counters and, while it runs, its phase. */
export type ExchangeRun = Schemas['ExchangeRun'];
/** A column the source lost or whose type changed: what stopped a job. */
export type JobDrift = Schemas['ExchangeJobDrift'];
/** What is sent to create a job (aggregate, distribute or return). */
export type JobCreateInput = Schemas['ExchangeJobCreateInput'];
/** What is sent to change a job: schedule, pause or resume, accept drift. */
export type JobUpdateInput = Schemas['ExchangeJobUpdateInput'];
/** A table a return flow of the upper node filled on this node, with its rows and last arrival. */
export type ReturnedTable = Schemas['ReturnedTable'];

/** Filters of the job list (the server's own). */
export interface JobFilters {
  kind?: ExchangeJob['kind'];
  /** owner: jobs the caller's departments run; provider: jobs on their resources; both when left out. */
  role?: 'owner' | 'provider';
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

/** The jobs of the caller's departments (owned, or of resources they provide, as `role` says); every job for the bureau. */
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

/** The evidence of one run (its batches' proofs); asked again every 2 s while batches wait to be sequenced. */
export function useRunEvidence(jobId: string, runId: string | null) {
  return useQuery({
    queryKey: [...exchangeJobsKey, 'evidence', jobId, runId],
    queryFn: ({ signal }) => api.get<ProvenLeaves>(`/exchange/jobs/${jobId}/runs/${runId}/evidence`, undefined, signal),
    refetchInterval: (query) => ((query.state.data?.queued ?? 0) > 0 ? LIVE_RUN_REFRESH_MS : false),
    enabled: runId !== null,
    retry: false,
  });
}

function useJobMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: exchangeJobsKey }) });
}

/** Creates an aggregation, a distribution or a return flow; the columns it copies are kept as the job's baseline. */
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

/** Whether the caller may do this with the job, as the server says: its owner's departments run and edit it, the provider watches. */
export function jobAllows(job: Pick<ExchangeJob, 'actions'>, action: ExchangeJob['actions'][number]): boolean {
  return job.actions.includes(action);
}

/** The tables the upper node's return flows filled on this node (回流接收). */
export function useReturnedTables() {
  return useQuery({
    queryKey: [...exchangeJobsKey, 'returned'],
    queryFn: ({ signal }) => api.get<ItemList<ReturnedTable>>('/exchange/returns', undefined, signal),
    select: (data) => data.items,
  });
}
