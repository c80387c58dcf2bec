import { ErrorCode } from '@shuyuan/contracts';
import { ApiError, ClientErrorCode } from '@/api/client';

/** How many chunks travel at once: enough to fill the line, few enough to keep memory and the server calm. */
export const UPLOAD_PARALLEL = 3;
/** How many times one chunk is tried before the upload stops and waits for the user. */
export const CHUNK_ATTEMPTS = 5;
/** The first wait before a chunk is tried again; it doubles each time, up to CHUNK_RETRY_MAX_MS. */
export const CHUNK_RETRY_BASE_MS = 1_000;
const CHUNK_RETRY_MAX_MS = 15_000;

/** True for an AbortError: a pause, not a failure. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Whether a chunk that failed is worth sending again: a lost connection, a busy or failing server, or bytes
 * changed on the way (the server's SM3 check). Anything else (the upload expired, failed, or is not ours) will
 * not get better by trying.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === ClientErrorCode.Network || error.code === ErrorCode.ChecksumMismatch || error.status === 429 || error.status >= 500;
}

/** True when the server joined the chunks and the file's SM3 was not the declared one: that upload is over. */
export function isWholeFileMismatch(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.code === ErrorCode.ChecksumMismatch &&
    (error.details as { chunk?: number } | null | undefined)?.chunk === undefined
  );
}

/** The wait before attempt `attempt` (2, 3, …) of a chunk. */
export const retryDelay = (attempt: number) => Math.min(CHUNK_RETRY_BASE_MS * 2 ** (attempt - 2), CHUNK_RETRY_MAX_MS);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/** What sendChunks needs: the chunks to send, how, and whom to tell. */
export interface ChunkPlan {
  /** The indexes still missing, in the order to send them. */
  indexes: readonly number[];
  /** Sends one chunk; rejects with an ApiError (or an AbortError when paused). */
  send: (index: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  parallel?: number;
  attempts?: number;
  /** Waits before a retry (tests pass a quick one). */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  onSent?: (index: number) => void;
  /** A chunk failed and is about to be tried again, for the `attempt`th time. */
  onRetry?: (index: number, attempt: number, error: unknown) => void;
}

/**
 * Sends chunks, `parallel` at a time, each tried again after a growing wait when the failure may pass. Resolves
 * when every chunk arrived; rejects with the first error that will not pass (or once a chunk ran out of
 * attempts), or with an AbortError when the signal is aborted. The other chunks in flight are then abandoned.
 */
export async function sendChunks(plan: ChunkPlan): Promise<void> {
  const queue = [...plan.indexes];
  const attempts = plan.attempts ?? CHUNK_ATTEMPTS;
  const wait = plan.wait ?? sleep;
  const stop = new AbortController();
  const onAbort = () => stop.abort(plan.signal.reason);
  plan.signal.addEventListener('abort', onAbort, { once: true });
  if (plan.signal.aborted) onAbort();

  async function sendOne(index: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await plan.send(index, stop.signal);
        plan.onSent?.(index);
        return;
      } catch (error) {
        if (stop.signal.aborted || isAbort(error) || !isRetryable(error) || attempt >= attempts) throw error;
        plan.onRetry?.(index, attempt + 1, error);
        await wait(retryDelay(attempt + 1), stop.signal);
      }
    }
  }
  async function worker(): Promise<void> {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      stop.signal.throwIfAborted();
      await sendOne(index);
    }
  }

  let firstError: unknown;
  const run = () =>
    worker().catch((error: unknown) => {
      // One chunk that will not go stops the others: the user decides what next.
      if (firstError === undefined) firstError = error;
      stop.abort(error);
    });
  try {
    await Promise.all(Array.from({ length: Math.min(plan.parallel ?? UPLOAD_PARALLEL, queue.length) }, run));
  } finally {
    plan.signal.removeEventListener('abort', onAbort);
  }
  plan.signal.throwIfAborted();
  if (firstError !== undefined) throw firstError;
}

/** The byte range of chunk `index` of a file of `size` bytes cut into `chunkSize` chunks. */
export function chunkRange(index: number, chunkSize: number, size: number): { start: number; end: number } {
  const start = index * chunkSize;
  return { start, end: Math.min(start + chunkSize, size) };
}

/** An unfinished upload remembered in this browser, to resume it after a cut-off or a reload. */
export interface RememberedUpload {
  uploadId: string;
  entryId: string;
  fileName: string;
  size: number;
  sm3: string;
  savedAt: string;
}

const STORAGE_PREFIX = 'sy.fileUpload:';

/** Where an upload of this file to this entry is remembered: the same file, named the same, resumes it. */
export const uploadStorageKey = (u: Pick<RememberedUpload, 'entryId' | 'fileName' | 'size' | 'sm3'>) =>
  `${STORAGE_PREFIX}${u.entryId}:${u.size}:${u.sm3}:${u.fileName}`;

/** Remembers an upload's id (storage may be off: the upload then simply cannot resume after a reload). */
export function rememberUpload(upload: Omit<RememberedUpload, 'savedAt'>): void {
  try {
    localStorage.setItem(uploadStorageKey(upload), JSON.stringify({ ...upload, savedAt: new Date().toISOString() }));
  } catch {
    // Private mode or a full storage.
  }
}

/** Forgets an upload once it is complete, failed or gone. */
export function forgetUpload(upload: Pick<RememberedUpload, 'entryId' | 'fileName' | 'size' | 'sm3'>): void {
  try {
    localStorage.removeItem(uploadStorageKey(upload));
  } catch {
    // Nothing to forget.
  }
}

function readRemembered(key: string): RememberedUpload | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as RememberedUpload | null;
    return value && typeof value.uploadId === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The upload remembered for this file, if any. */
export function recallUpload(file: Pick<RememberedUpload, 'entryId' | 'fileName' | 'size' | 'sm3'>): RememberedUpload | null {
  return readRemembered(uploadStorageKey(file));
}
