import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { effectiveMask as maskFor, type MaskType } from '@shuyuan/contracts';
import { api, apiUrl, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import { buildQuery, signRequest } from '@/features/exchange/sign';

type Schemas = components['schemas'];

/** A grant of a resource to a department's application, as its consumer sees it. */
export type Grant = Schemas['Grant'];
/** Where a grant is in its life: pending, active, expired or revoked. */
export type GrantState = Grant['state'];
/** A gateway API: its path, parameters and fields. */
export type ExchangeApi = Schemas['ExchangeApi'];
/** A field of a gateway API. */
export type ApiFieldSpec = ExchangeApi['fields'][number];
/** Signing samples of an API; `exampleUrl` is the path with a query the API accepts, when the server sends it. */
export type ApiSamples = Schemas['ApiSamples'] & { exampleUrl?: string };
/** Calls per day, refusals by code and latency percentiles. */
export type CallStats = Schemas['CallStats'];
/** One logged gateway call. */
export type GatewayCall = Schemas['GatewayCall'];

const key = ['exchange', 'consumer'] as const;

/** The grants the caller's departments hold, as consumers. */
export function useConsumerGrants() {
  return useQuery({
    queryKey: [...key, 'grants'],
    queryFn: ({ signal }) => api.get<ItemList<Grant>>('/exchange/grants', { role: 'consumer' }, signal),
    select: (data) => data.items,
  });
}

/** One grant. */
export function useGrant(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'grant', id],
    queryFn: ({ signal }) => api.get<Grant>(`/exchange/grants/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** The gateway APIs served now, by id (to show each grant's fields with their labels and masks). */
export function useServedApis(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...key, 'apis'],
    queryFn: ({ signal }) => api.get<ItemList<ExchangeApi>>('/exchange/apis', undefined, signal),
    select: (data) => new Map(data.items.map((a) => [a.id, a])),
    enabled: options.enabled ?? true,
  });
}

/** One gateway API; null asks for nothing. */
export function useExchangeApi(id: string | null) {
  return useQuery({
    queryKey: [...key, 'api', id],
    queryFn: ({ signal }) => api.get<ExchangeApi>(`/exchange/apis/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

/** The signing samples of an API. */
export function useApiSamples(id: string | null) {
  return useQuery({
    queryKey: [...key, 'samples', id],
    queryFn: ({ signal }) => api.get<ApiSamples>(`/exchange/apis/${id}/samples`, undefined, signal),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

/** Where an API's own OpenAPI description is, for code generators. */
export const apiOpenApiUrl = (id: string) => apiUrl(`/exchange/apis/${id}/openapi.json`);

/** How often statistics and the call log are asked again while shown. */
export const CALLS_REFRESH_MS = 15_000;

/** Whose calls to count: one grant's, or all of one application's (signature refusals come before any grant is known). */
export type CallScope = { grantId: string } | { appId: string };

/** Calls per day, refusals and latency over the last `days` days, as the consumer. */
export function useCallStats(scope: CallScope, days: number) {
  return useQuery({
    queryKey: [...key, 'stats', scope, days],
    queryFn: ({ signal }) => api.get<CallStats>('/exchange/stats', { role: 'consumer', ...scope, days }, signal),
    refetchInterval: CALLS_REFRESH_MS,
  });
}

/** The latest calls, newest first, as the consumer. */
export function useCalls(scope: CallScope, limit = 50) {
  return useQuery({
    queryKey: [...key, 'calls', scope, limit],
    queryFn: ({ signal }) => api.get<ItemList<GatewayCall>>('/exchange/calls', { role: 'consumer', ...scope, limit }, signal),
    select: (data) => data.items,
    refetchInterval: CALLS_REFRESH_MS,
  });
}

/**
 * The mask a field comes out with under a grant, as the gateway decides it: the grant's own, else the
 * field's default, else a sensitive field is redacted (apps/server/src/platform/masking.ts effectiveMask).
 */
export function effectiveMask(field: Pick<ApiFieldSpec, 'name' | 'sensitive' | 'mask'>, grant: Pick<Grant, 'masks'>): MaskType {
  return maskFor({ sensitive: field.sensitive, fieldDefault: field.mask, grantMask: grant.masks[field.name] });
}

/** A page of rows the gateway answered. */
export interface GatewayPage {
  fields: string[];
  data: Record<string, unknown>[];
  next: string | null;
  callId: string;
}

/** A refusal of the gateway, with its stable code. */
export interface GatewayRefusal {
  code: string;
  message: string;
  details?: unknown;
  callId?: string;
}

/** A request to the gateway as the try-it form fills it. */
export interface GatewayRequest {
  path: string;
  params: [string, string][];
  key: string;
  secret: string;
  /** The language refusal messages come in. */
  lang: 'zh' | 'en';
}

/** What a signed call sent and got back. */
export interface GatewayExchange {
  url: string;
  stringToSign: string;
  headers: Record<string, string>;
  status: number;
  ms: number;
  /** The parsed answer; null when it was not JSON. */
  body: GatewayPage | GatewayRefusal | null;
  raw: string;
}

/** True when the gateway answered a page of rows. */
export const isGatewayPage = (body: GatewayExchange['body']): body is GatewayPage => !!body && 'data' in body && Array.isArray(body.data);

/** Signs a GET in the browser and sends it to the gateway; the secret goes into the signature only. */
export async function callGateway(request: GatewayRequest): Promise<GatewayExchange> {
  const query = buildQuery(request.params);
  const url = `${request.path}${query ? `?${query}` : ''}`;
  const signed = signRequest({ method: 'GET', url }, { key: request.key, secret: request.secret });
  const started = performance.now();
  const response = await fetch(url, {
    method: 'GET',
    headers: { ...signed.headers, accept: 'application/json', 'accept-language': request.lang === 'en' ? 'en' : 'zh-CN' },
    // The gateway knows callers by their signature only: no session cookie goes with it.
    credentials: 'omit',
    cache: 'no-store',
  });
  const raw = await response.text();
  const ms = Math.round(performance.now() - started);
  let body: GatewayExchange['body'] = null;
  try {
    body = JSON.parse(raw) as GatewayExchange['body'];
  } catch {
    // Not JSON (a proxy's error page): shown raw.
  }
  return { url, stringToSign: signed.stringToSign, headers: signed.headers, status: response.status, ms, body, raw };
}

/** Calls the gateway from the try-it form; the grant's statistics and call log are asked again afterwards. */
export function useTryGateway() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: callGateway,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: [...key, 'stats'] });
      void queryClient.invalidateQueries({ queryKey: [...key, 'calls'] });
    },
  });
}
