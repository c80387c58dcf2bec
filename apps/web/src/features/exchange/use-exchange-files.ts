import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { limits } from '@shuyuan/contracts';
import { api, ApiError, ClientErrorCode, type ItemList } from '@/api/client';
import type { components } from '@/api/schema.gen';
import type { ProvenLeaves } from '@/features/evidence/proven-leaves';
import type { CatalogSearchResult } from '@/features/catalog/catalog-types';

type Schemas = components['schemas'];

/** One version of an entry's exchange file (文件交换). */
export type ExchangeFile = Schemas['ExchangeFile'];
/** A chunked upload in progress: which chunks arrived and which are missing. */
export type FileUpload = Schemas['FileUpload'];
export type FileChunkReceipt = Schemas['FileChunkReceipt'];
/** What starts an upload. */
export type FileUploadCreateInput = Schemas['FileUploadCreate'];
/** An unfinished upload as the entry's list shows it, with who started it: to resume from any browser, or abandon. */
export type FileUploadSummary = Schemas['FileUploadSummary'];
/** An expiring download link; `url` is a path on this server. */
export type FileLink = Schemas['FileLink'];
/** A link as a version's list shows it: its downloads and whether it still works (never its token). */
export type FileLinkSummary = Schemas['FileLinkSummary'];
/** What a link is made with: minutes of validity, and downloads allowed (null: any). */
export type FileLinkCreateInput = Schemas['FileLinkCreate'];
/** An entry as the catalog search lists it. */
export type FileEntry = CatalogSearchResult['items'][number];

/** Every file-exchange query starts with this key. */
export const exchangeFilesKey = ['exchange-files'] as const;

/** Entry statuses in which a file can be uploaded (published, or published with a change or retirement in review). */
const IN_FORCE = 'published,change_review,retire_review';

/**
 * The caller's departments' entries in force shared by file (文件), by name. The catalog search has no filter
 * on sharing methods, so one page of the largest size is asked for and filtered here; `more` tells that the
 * department has more entries than one page, to narrow with a search.
 */
export function useFileEntries(q: string) {
  return useQuery({
    queryKey: [...exchangeFilesKey, 'entries', q],
    queryFn: ({ signal }) =>
      api.get<CatalogSearchResult>(
        '/catalog/entries',
        { scope: 'mine', status: IN_FORCE, q, facets: 'false', sort: 'name', limit: limits.pageSizeMax },
        signal,
      ),
    select: (data) => ({
      items: data.items.filter((entry) => entry.sharingMethods.includes('file')),
      more: data.total > data.items.length,
    }),
  });
}

/** An entry's file versions, newest first (its provider, or a department holding a live file grant). */
export function useFileVersions(entryId: string | undefined) {
  return useQuery({
    queryKey: [...exchangeFilesKey, 'versions', entryId],
    queryFn: ({ signal }) => api.get<ItemList<ExchangeFile>>('/exchange/files', { entryId }, signal),
    select: (data) => data.items,
    enabled: !!entryId,
  });
}

/** The caller's departments' unfinished uploads to an entry, newest first (the server's, not this browser's). */
export function useUnfinishedUploads(entryId: string) {
  return useQuery({
    queryKey: [...exchangeFilesKey, 'uploads', entryId],
    queryFn: ({ signal }) => fileUploads.unfinished(entryId, signal),
    select: (data) => data.items,
  });
}

/** A version's download links with their downloads: all of them for the provider, its department's for a grantee. */
export function useFileLinks(fileId: string) {
  return useQuery({
    queryKey: [...exchangeFilesKey, 'links', fileId],
    queryFn: ({ signal }) => api.get<ItemList<FileLinkSummary>>(`/exchange/files/${fileId}/links`, undefined, signal),
    select: (data) => data.items,
  });
}

/** A version's evidence (its upload's and downloads' proofs); asked again every 2 s while some wait to be sequenced. */
export function useFileEvidence(fileId: string) {
  return useQuery({
    queryKey: [...exchangeFilesKey, 'evidence', fileId],
    queryFn: ({ signal }) => api.get<ProvenLeaves>(`/exchange/files/${fileId}/evidence`, undefined, signal),
    refetchInterval: (query) => ((query.state.data?.queued ?? 0) > 0 ? 2_000 : false),
    retry: false,
  });
}

/** Makes an expiring download link for a version, then refreshes the version's links. */
export function useCreateFileLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, ...input }: FileLinkCreateInput & { fileId: string }) =>
      api.post<FileLink>(`/exchange/files/${fileId}/links`, input),
    onSuccess: (_, { fileId }) => queryClient.invalidateQueries({ queryKey: [...exchangeFilesKey, 'links', fileId] }),
  });
}

/** Withdraws a link at once, then refreshes the links lists (the link's version is not known here). */
export function useRevokeFileLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api.delete(`/exchange/files/links/${linkId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...exchangeFilesKey, 'links'] }),
  });
}

/** Abandons an unfinished upload (its chunks are deleted on the server), then refreshes the entry's unfinished uploads. */
export function useAbandonUpload(entryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uploadId: string) => api.delete(`/exchange/files/uploads/${uploadId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...exchangeFilesKey, 'uploads', entryId] }),
  });
}

/** Refreshes an entry's versions and unfinished uploads (after an upload, or when the upload panel closes). */
export function useRefreshVersions() {
  const queryClient = useQueryClient();
  return (entryId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...exchangeFilesKey, 'versions', entryId] }),
      queryClient.invalidateQueries({ queryKey: [...exchangeFilesKey, 'uploads', entryId] }),
    ]);
}

/** The full address of a link, to copy or open. */
export const linkAddress = (link: Pick<FileLink, 'url'>) => new URL(link.url, window.location.origin).href;

/** The upload calls of the file API. */
export const fileUploads = {
  start: (input: FileUploadCreateInput) => api.post<FileUpload>('/exchange/files/uploads', input),
  get: (id: string) => api.get<FileUpload>(`/exchange/files/uploads/${id}`),
  unfinished: (entryId: string, signal?: AbortSignal) =>
    api.get<ItemList<FileUploadSummary>>('/exchange/files/uploads', { entryId }, signal),
  complete: (id: string) => api.post<ExchangeFile>(`/exchange/files/uploads/${id}/complete`),
  putChunk,
};

function csrfToken(): string | null {
  const cookie = document.cookie.split(';').find((part) => part.trim().startsWith('sy_csrf='));
  return cookie ? decodeURIComponent(cookie.trim().slice('sy_csrf='.length)) : null;
}

/**
 * Sends one chunk as raw bytes with its SM3 in `x-sm3`. The API client only sends JSON and forms, so this is a
 * fetch of its own, with the same CSRF header and the same errors.
 */
async function putChunk(uploadId: string, index: number, bytes: ArrayBuffer, sm3: string, signal: AbortSignal): Promise<FileChunkReceipt> {
  const csrf = csrfToken();
  let response: Response;
  try {
    response = await fetch(`/api/v1/exchange/files/uploads/${uploadId}/chunks/${index}`, {
      method: 'PUT',
      credentials: 'same-origin',
      signal,
      headers: {
        accept: 'application/json',
        'accept-language': document.documentElement.lang || 'zh-CN',
        'content-type': 'application/octet-stream',
        'x-sm3': sm3,
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: bytes,
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason ?? error;
    throw new ApiError(0, ClientErrorCode.Network, '', { cause: String(error) });
  }
  const body = (await response.json().catch(() => null)) as
    (FileChunkReceipt & { code?: string; message?: string; details?: unknown }) | null;
  if (response.ok && body) return body;
  if (body?.code) throw new ApiError(response.status, body.code, body.message ?? '', body.details);
  throw new ApiError(response.status, ClientErrorCode.BadResponse, '', { statusText: response.statusText });
}
