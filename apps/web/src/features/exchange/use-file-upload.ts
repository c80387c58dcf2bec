import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import {
  chunkRange,
  forgetUpload,
  isAbort,
  isWholeFileMismatch,
  recallUpload,
  rememberUpload,
  sendChunks,
} from '@/features/exchange/file-upload';
import { matchingUpload, resumeProblem, ResumeRefused } from '@/features/exchange/file-resume';
import { sm3Bytes, sm3OfBlob } from '@/features/exchange/sm3-stream';
import { fileUploads, type ExchangeFile, type FileUpload, type FileUploadSummary } from '@/features/exchange/use-exchange-files';

/** Where an upload is: hashing the whole file, sending chunks, paused, joining them, done or stopped. */
export type UploadPhase = 'idle' | 'hashing' | 'uploading' | 'paused' | 'completing' | 'done' | 'failed';

/** What the upload panel shows. */
export interface UploadState {
  phase: UploadPhase;
  /** Bytes of the file hashed so far. */
  hashed: number;
  fileName: string;
  size: number;
  sm3: string | null;
  upload: Pick<FileUpload, 'id' | 'chunkCount' | 'chunkSize'> | null;
  /** Chunks the server has. */
  received: number;
  /** The upload continues one started before (a cut-off, a reload, another browser). */
  resumed: boolean;
  /** A chunk is being tried again. */
  retrying: { index: number; attempt: number } | null;
  error: unknown;
  file: ExchangeFile | null;
}

/** What goes with the file when an upload starts. */
export interface UploadOptions {
  note: string;
  chunkSize: number;
}

const initial: UploadState = {
  phase: 'idle',
  hashed: 0,
  fileName: '',
  size: 0,
  sm3: null,
  upload: null,
  received: 0,
  resumed: false,
  retrying: null,
  error: null,
  file: null,
};

const paused = () => new DOMException('paused', 'AbortError');
/** What an upload of this file to this entry is remembered by. */
const keyOf = (entryId: string, file: File, sm3: string) => ({ entryId, fileName: file.name, size: file.size, sm3 });

/**
 * A resumable upload of a new version of an entry's file: the SM3 of the whole file first, then the chunks the
 * server is missing, 3 at a time, each with its own SM3 and retried when it fails; `pause` stops sending and
 * `resume` asks the server what is missing and goes on. Choosing the same file again (same name, size and SM3)
 * goes on with its unfinished upload, remembered in this browser or listed by the server; `resumeFrom` goes on
 * with one upload of the server's list, from any browser.
 */
export function useFileUpload(entryId: string, onDone?: (file: ExchangeFile) => void) {
  const [state, setState] = useState<UploadState>(initial);
  const running = useRef<AbortController | null>(null);
  const source = useRef<{ file: File; sm3: string; uploadId: string } | null>(null);
  const update = useCallback((patch: Partial<UploadState>) => setState((s) => ({ ...s, ...patch })), []);

  useEffect(() => () => running.current?.abort(paused()), []);

  /** Sends what the server is missing, then joins the chunks; a join that finds chunks missing sends them once more. */
  const sendAndComplete = useCallback(
    async (upload: FileUpload, signal: AbortSignal) => {
      const { file, sm3 } = source.current!;
      let current = upload;
      for (let round = 1; ; round++) {
        const received = new Set(current.received);
        update({ phase: 'uploading', upload: current, received: received.size, retrying: null, error: null });
        await sendChunks({
          indexes: current.missing,
          signal,
          send: async (index, chunkSignal) => {
            const { start, end } = chunkRange(index, current.chunkSize, current.size);
            const bytes = await file.slice(start, end).arrayBuffer();
            await fileUploads.putChunk(current.id, index, bytes, sm3Bytes(new Uint8Array(bytes)), chunkSignal);
          },
          onSent: (index) => {
            received.add(index);
            update({ received: received.size, retrying: null });
          },
          onRetry: (index, attempt) => update({ retrying: { index, attempt } }),
        });
        update({ phase: 'completing' });
        try {
          const done = await fileUploads.complete(current.id);
          forgetUpload(keyOf(entryId, file, sm3));
          update({ phase: 'done', file: done });
          onDone?.(done);
          return;
        } catch (error) {
          if (round > 2 || !isApiError(error, { code: ErrorCode.UploadIncomplete })) throw error;
          current = await fileUploads.get(current.id);
        }
      }
    },
    [entryId, onDone, update],
  );

  /** Runs a step of the upload; a pause leaves it paused, a failure shows and keeps what arrived. */
  const run = useCallback(
    async (step: (signal: AbortSignal) => Promise<void>) => {
      const controller = new AbortController();
      running.current = controller;
      try {
        await step(controller.signal);
      } catch (error) {
        if (running.current !== controller) return;
        if (isAbort(error) || controller.signal.aborted) update({ phase: source.current ? 'paused' : 'idle', retrying: null });
        else {
          // A file whose SM3 is not the declared one failed the upload for good: it starts anew.
          const over = isWholeFileMismatch(error) || isApiError(error, { code: ErrorCode.InvalidTransition });
          if (over && source.current) forgetUpload(keyOf(entryId, source.current.file, source.current.sm3));
          if (over) source.current = null;
          update({ phase: 'failed', error, retrying: null, ...(over ? { upload: null } : {}) });
        }
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [entryId, update],
  );

  /** Hashes the file, finds an unfinished upload of it to resume or starts one, and sends it. */
  const start = useCallback(
    (file: File, options: UploadOptions) =>
      run(async (signal) => {
        source.current = null;
        setState({ ...initial, phase: 'hashing', fileName: file.name, size: file.size });
        const sm3 = await sm3OfBlob(file, { signal, onProgress: (hashed) => update({ hashed }) });
        update({ sm3 });
        const key = keyOf(entryId, file, sm3);
        let upload =
          (await resumable(recallUpload(key)?.uploadId)) ??
          (await resumable(matchingUpload((await fileUploads.unfinished(entryId, signal)).items, key)?.id));
        if (upload) update({ resumed: true });
        else {
          forgetUpload(key);
          upload = await fileUploads.start({
            entryId,
            fileName: file.name,
            size: file.size,
            sm3,
            chunkSize: options.chunkSize,
            mediaType: (file.type || 'application/octet-stream').slice(0, 100),
            note: options.note.trim(),
          });
          rememberUpload({ ...key, uploadId: upload.id });
        }
        signal.throwIfAborted();
        source.current = { file, sm3, uploadId: upload.id };
        await sendAndComplete(upload, signal);
      }),
    [entryId, run, sendAndComplete, update],
  );

  /**
   * Goes on with an unfinished upload from the server's list: the file picked must have its name and size, then
   * its SM3 once hashed; only the chunks the server is missing are sent.
   */
  const resumeFrom = useCallback(
    (file: File, target: FileUploadSummary) =>
      run(async (signal) => {
        source.current = null;
        setState({ ...initial, phase: 'hashing', fileName: file.name, size: file.size, resumed: true });
        const problem = resumeProblem(file, target);
        if (problem) throw new ResumeRefused(problem);
        const sm3 = await sm3OfBlob(file, { signal, onProgress: (hashed) => update({ hashed }) });
        update({ sm3 });
        if (sm3 !== target.sm3) throw new ResumeRefused('sm3');
        const upload = await resumable(target.id);
        if (!upload) throw new ResumeRefused('gone');
        signal.throwIfAborted();
        rememberUpload({ ...keyOf(entryId, file, sm3), uploadId: upload.id });
        source.current = { file, sm3, uploadId: upload.id };
        await sendAndComplete(upload, signal);
      }),
    [entryId, run, sendAndComplete, update],
  );

  /** Stops sending; what arrived stays on the server. */
  const pause = useCallback(() => running.current?.abort(paused()), []);

  /** Asks the server what is missing and sends it. */
  const resume = useCallback(() => {
    const current = source.current;
    if (!current) return;
    void run(async (signal) => sendAndComplete(await fileUploads.get(current.uploadId), signal));
  }, [run, sendAndComplete]);

  /** Forgets the panel's upload (it stays resumable from this browser until it expires). */
  const reset = useCallback(() => {
    running.current?.abort(paused());
    running.current = null;
    source.current = null;
    setState(initial);
  }, []);

  return {
    state,
    start: (file: File, options: UploadOptions) => void start(file, options),
    resumeFrom: (file: File, target: FileUploadSummary) => void resumeFrom(file, target),
    pause,
    resume,
    reset,
  };
}

/** The remembered upload, when the server still takes its chunks (or already made it a version). */
async function resumable(uploadId: string | undefined): Promise<FileUpload | null> {
  if (!uploadId) return null;
  try {
    const upload = await fileUploads.get(uploadId);
    const open = upload.status === 'uploading' && new Date(upload.expiresAt).getTime() > Date.now();
    return open || upload.status === 'complete' ? upload : null;
  } catch (error) {
    if (isApiError(error, { status: 404 })) return null;
    throw error;
  }
}
