import { ErrorCode } from '@shuyuan/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ClientErrorCode } from '@/api/client';
import {
  chunkRange,
  forgetUpload,
  isRetryable,
  isWholeFileMismatch,
  recallUpload,
  rememberUpload,
  retryDelay,
  sendChunks,
} from './file-upload';

const network = () => new ApiError(0, ClientErrorCode.Network, '');
const noWait = () => Promise.resolve();

describe('sendChunks', () => {
  it('sends every chunk, never more than `parallel` at once', async () => {
    let inFlight = 0;
    let most = 0;
    const sent: number[] = [];
    await sendChunks({
      indexes: [0, 1, 2, 3, 4, 5, 6],
      parallel: 3,
      signal: new AbortController().signal,
      send: async (index) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        sent.push(index);
      },
    });
    expect(sent.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
  });

  it('tries a chunk again after a lost connection or a changed chunk, with growing waits', async () => {
    const tries = new Map<number, number>();
    const waits: number[] = [];
    const retries: [number, number][] = [];
    await sendChunks({
      indexes: [0, 1],
      signal: new AbortController().signal,
      wait: async (ms) => void waits.push(ms),
      onRetry: (index, attempt) => retries.push([index, attempt]),
      send: async (index) => {
        const n = (tries.get(index) ?? 0) + 1;
        tries.set(index, n);
        if (index === 1 && n === 1) throw network();
        if (index === 1 && n === 2) throw new ApiError(400, ErrorCode.ChecksumMismatch, '');
      },
    });
    expect(tries.get(1)).toBe(3);
    expect(retries).toEqual([
      [1, 2],
      [1, 3],
    ]);
    expect(waits).toEqual([retryDelay(2), retryDelay(3)]);
    expect(retryDelay(3)).toBe(2 * retryDelay(2));
  });

  it('gives up on a chunk that keeps failing, and at once on an error that will not pass', async () => {
    let calls = 0;
    const failing = sendChunks({
      indexes: [0],
      attempts: 4,
      wait: noWait,
      signal: new AbortController().signal,
      send: async () => {
        calls++;
        throw network();
      },
    });
    await expect(failing).rejects.toMatchObject({ code: ClientErrorCode.Network });
    expect(calls).toBe(4);

    const sent: number[] = [];
    const expired = sendChunks({
      indexes: [0, 1, 2, 3],
      parallel: 1,
      wait: noWait,
      signal: new AbortController().signal,
      send: async (index) => {
        if (index === 1) throw new ApiError(409, ErrorCode.InvalidTransition, 'the upload expired');
        sent.push(index);
      },
    });
    await expect(expired).rejects.toMatchObject({ status: 409 });
    expect(sent).toEqual([0]);
  });

  it('stops with an AbortError when paused, sending nothing more', async () => {
    const pause = new AbortController();
    const sent: number[] = [];
    const sending = sendChunks({
      indexes: [0, 1, 2, 3],
      parallel: 1,
      signal: pause.signal,
      send: async (index, signal) => {
        if (index === 1) pause.abort(new DOMException('paused', 'AbortError'));
        signal.throwIfAborted();
        sent.push(index);
      },
    });
    await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent).toEqual([0]);
  });
});

describe('chunks', () => {
  it('cuts a file into chunks, the last one shorter', () => {
    expect(chunkRange(0, 100, 250)).toEqual({ start: 0, end: 100 });
    expect(chunkRange(2, 100, 250)).toEqual({ start: 200, end: 250 });
  });

  it('retries only what may pass', () => {
    expect(isRetryable(network())).toBe(true);
    expect(isRetryable(new ApiError(503, 'UNAVAILABLE', ''))).toBe(true);
    expect(isRetryable(new ApiError(404, 'NOT_FOUND', ''))).toBe(false);
    expect(isRetryable(new ApiError(400, ErrorCode.ValidationFailed, ''))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });
});

/** A localStorage of the page, in memory (node has none). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

describe('remembered uploads', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());
  const file = { entryId: 'e1', fileName: '名录.csv', size: 10, sm3: 'a'.repeat(64) };

  it('finds an upload again by entry, name, size and SM3, until it is forgotten', () => {
    rememberUpload({ ...file, uploadId: 'u1' });
    expect(recallUpload(file)?.uploadId).toBe('u1');
    expect(recallUpload({ ...file, sm3: 'b'.repeat(64) })).toBeNull();
    expect(recallUpload({ ...file, size: 11 })).toBeNull();
    forgetUpload(file);
    expect(recallUpload(file)).toBeNull();
  });
});

it('tells a whole file whose SM3 differs from one chunk that did', () => {
  expect(isWholeFileMismatch(new ApiError(400, ErrorCode.ChecksumMismatch, '', { expected: 'a', actual: 'b' }))).toBe(true);
  expect(isWholeFileMismatch(new ApiError(400, ErrorCode.ChecksumMismatch, '', { chunk: 0 }))).toBe(false);
  expect(isWholeFileMismatch(new ApiError(400, ErrorCode.ValidationFailed, ''))).toBe(false);
});
