import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { EvidenceInclusion, EvidenceStatus } from '@/features/evidence/use-evidence';

type Schemas = components['schemas'];

/** A gateway API (共享接口) a provider declared on one of its entries. */
export type ExchangeApi = Schemas['ExchangeApi'];
/** One field of a gateway API: wire name, source column, sensitivity and default mask. */
export type ExchangeApiField = ExchangeApi['fields'][number];
/** One query parameter of a gateway API. */
export type ExchangeApiParam = ExchangeApi['params'][number];
/** What is sent to declare a gateway API (every field, defaults included). */
export type ExchangeApiCreateInput = Schemas['ExchangeApiCreate'];
/** A grant (授权): a consumer application's fields of a resource, masked, filtered, with quotas. */
export type Grant = Schemas['Grant'];
/** What is sent to create a grant. */
export type GrantCreateInput = Schemas['GrantCreate'];
/** One logged gateway call, refused ones too. */
export type GatewayCall = Schemas['GatewayCall'];
/** Calls per day, refusals by code and latency percentiles. */
export type CallStats = Schemas['CallStats'];
/** The bureau's exchange overview. */
export type ExchangeOverview = Schemas['ExchangeOverview'];
/** Which side of an exchange the caller's departments are on. */
export type ExchangeRole = 'provider' | 'consumer';

/** Filters of the grant list (the server's own). */
export interface GrantFilters {
  role?: ExchangeRole;
  status?: 'active' | 'revoked';
  entryId?: string;
  appId?: string;
}

/** Filters of the call log (the server's own); `before` is added page by page. */
export interface CallFilters {
  role?: ExchangeRole;
  grantId?: string;
  apiId?: string;
  appId?: string;
  outcome?: 'ok' | 'refused';
  code?: string;
}

/** Calls per page of the log; a shorter page is the last. */
export const CALL_PAGE_SIZE = 50;
/** The overview's counter of today's calls refreshes this often. */
export const OVERVIEW_REFRESH_MS = 5_000;
/** The call log asks again this often: the gateway commits its calls every 200 ms. */
export const CALL_LOG_REFRESH_MS = 10_000;

/** Every exchange query of the console starts with this key, so one invalidation refreshes them all. */
export const exchangeConsoleKey = ['exchange-console'] as const;

/** The caller's departments' own APIs (every department's for the bureau), also those not served now. */
export function useMyApis(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'apis', 'mine'],
    queryFn: ({ signal }) => api.get<ItemList<ExchangeApi>>('/exchange/apis', { mine: 'true' }, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** The APIs the gateway serves now, of every department. */
export function useServedApis(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'apis', 'served'],
    queryFn: ({ signal }) => api.get<ItemList<ExchangeApi>>('/exchange/apis', undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** One API (the provider also sees it while it is not served). */
export function useExchangeApi(id: string | undefined) {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'api', id],
    queryFn: ({ signal }) => api.get<ExchangeApi>(`/exchange/apis/${id}`, undefined, signal),
    enabled: !!id,
  });
}

function useExchangeMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: exchangeConsoleKey }) });
}

/** Declares the gateway API of one of the department's published entries shared by API. */
export function useCreateApi() {
  return useExchangeMutation((input: ExchangeApiCreateInput) => api.post<ExchangeApi>('/exchange/apis', input));
}

/** Disables or enables an API; the rest of its declaration is sent back as it is. */
export function useSetApiStatus() {
  return useExchangeMutation(({ api: a, status }: { api: ExchangeApi; status: ExchangeApi['status'] }) =>
    api.put<ExchangeApi>(`/exchange/apis/${a.id}`, {
      access: a.access,
      sourceId: a.sourceId,
      resourceName: a.resourceName,
      fields: a.fields,
      params: a.params,
      keyField: a.keyField,
      pageSizeMax: a.pageSizeMax,
      timeoutMs: a.timeoutMs,
      status,
      version: a.version,
    }),
  );
}

/** Grants the caller's departments give (provider) or hold (consumer); every grant for the bureau. */
export function useGrants(filters: GrantFilters = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'grants', filters],
    queryFn: ({ signal }) => api.get<ItemList<Grant>>('/exchange/grants', { ...filters }, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Creates a grant; the gateway honours it at once. */
export function useCreateGrant() {
  return useExchangeMutation((input: GrantCreateInput) => api.post<Grant>('/exchange/grants', input));
}

/** Revokes a grant with the reason; calls under it stop at once. */
export function useRevokeGrant() {
  return useExchangeMutation(({ id, version, reason }: { id: string; version: number; reason: string }) =>
    api.post<Grant>(`/exchange/grants/${id}/revoke`, { version, reason }),
  );
}

/** The call log, newest first, a page at a time (keyset: the calls before the last one shown). */
export function useCalls(filters: CallFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...exchangeConsoleKey, 'calls', filters],
    queryFn: ({ signal, pageParam }) =>
      api.get<ItemList<GatewayCall>>('/exchange/calls', { ...filters, limit: CALL_PAGE_SIZE, before: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length < CALL_PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.id),
    select: (data) => data.pages.flatMap((page) => page.items),
    refetchInterval: CALL_LOG_REFRESH_MS,
    enabled: options.enabled ?? true,
  });
}

/** A call's evidence: its leaf, the inclusion proof and the checkpoint that signs the root, when there is one. */
export function useCallProof(id: string | null) {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'proof', id],
    queryFn: ({ signal }) => api.get<EvidenceInclusion>(`/exchange/calls/${id}/proof`, undefined, signal),
    enabled: id !== null,
    retry: false,
  });
}

/** Statistics of the calls an API, grant or application saw over the last `days` days. */
export function useCallStats(
  filters: { apiId?: string; grantId?: string; role?: ExchangeRole; days?: number },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'stats', filters],
    queryFn: ({ signal }) => api.get<CallStats>('/exchange/stats', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The bureau's overview; today's counter is live, so it is asked for every few seconds. */
export function useExchangeOverview() {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'overview'],
    queryFn: ({ signal }) => api.get<ExchangeOverview>('/exchange/overview', undefined, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
  });
}

/**
 * The node's checkpoint-signing key, which only auditors may read (`audit.event.read`); without it a
 * call's proof is still checked (leaf hash, inclusion), only the checkpoint signature is not.
 */
export function useEvidenceKey(enabled: boolean) {
  return useQuery({
    queryKey: [...exchangeConsoleKey, 'evidence-key'],
    queryFn: ({ signal }) => api.get<EvidenceStatus>('/evidence/status', undefined, signal),
    select: (status) => ({ publicKey: status.publicKey, keyId: status.keyId }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
