import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../../platform/config';

/** Where uploaded source files live and how large one may be. */
export interface SourceFilesConfig {
  dir: string;
  maxBytes: number;
}

/**
 * `<SHUYUAN_DATA_DIR>/sources`, and SHUYUAN_SOURCE_FILE_MAX_MB (default 200) as the upload limit.
 * Read from the environment like the rest of the configuration, so `introspectColumns` finds files too.
 */
export function sourceFilesConfig(env: NodeJS.ProcessEnv = process.env): SourceFilesConfig {
  const mb = Number(env.SHUYUAN_SOURCE_FILE_MAX_MB ?? 200);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new Error(`SHUYUAN_SOURCE_FILE_MAX_MB must be a positive number of MiB, not ${env.SHUYUAN_SOURCE_FILE_MAX_MB}`);
  return { dir: join(loadConfig(env).dataDir, 'sources'), maxBytes: Math.floor(mb * 1024 * 1024) };
}

/** The path of a stored file; stored names are `<sourceId>/<sha256>.<ext>`, never a client's file name. */
export function storedPath(config: SourceFilesConfig, storedName: string): string {
  return join(config.dir, storedName);
}

/** Streams an upload into a temporary file beside its final place, hashing and counting it. */
export async function receiveFile(config: SourceFilesConfig, sourceId: string, stream: Readable) {
  const folder = join(config.dir, sourceId);
  await mkdir(folder, { recursive: true });
  const tmpPath = join(folder, `.upload-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(tmpPath, { mode: 0o600 }));
  } catch (error) {
    await discardFile(tmpPath);
    throw error;
  }
  return { tmpPath, size, sha256: hash.digest('hex') };
}

/** Moves a received file to its stored name. */
export async function keepFile(config: SourceFilesConfig, tmpPath: string, storedName: string): Promise<void> {
  await rename(tmpPath, storedPath(config, storedName));
}

/** Removes a temporary file that will not be kept. */
export async function discardFile(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Removes one stored file, or a source's whole folder; missing is fine. */
export async function removeStored(config: SourceFilesConfig, storedNameOrSourceId: string): Promise<void> {
  await rm(join(config.dir, storedNameOrSourceId), { recursive: true, force: true });
}
