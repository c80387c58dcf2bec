import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * Where exchanged files live: `<dir>/uploads/<upload id>/<index>` for chunks as they arrive (each written
 * to a temporary name and renamed, so a cut-off request never leaves half a chunk), `<dir>/files/<file id>`
 * once an upload is complete.
 */
export class FileStore {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'uploads'), { recursive: true });
    mkdirSync(join(dir, 'files'), { recursive: true });
  }

  private chunkDir(uploadId: string) {
    return join(this.dir, 'uploads', uploadId);
  }

  filePath(storageName: string) {
    return join(this.dir, 'files', storageName);
  }

  async writeChunk(uploadId: string, index: number, bytes: Uint8Array): Promise<void> {
    const dir = this.chunkDir(uploadId);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${index}.${process.pid}.${Date.now()}.tmp`);
    await writeFile(tmp, bytes);
    await rename(tmp, join(dir, String(index)));
  }

  /**
   * Joins the chunks into the final file while hashing it with SM3; returns the hash. The file appears under
   * its name only when complete.
   */
  async assemble(uploadId: string, chunkCount: number, storageName: string): Promise<string> {
    const hash = createHash('sm3');
    const tmp = `${this.filePath(storageName)}.tmp`;
    const out = createWriteStream(tmp);
    try {
      for (let i = 0; i < chunkCount; i++) {
        await pipeline(
          createReadStream(join(this.chunkDir(uploadId), String(i))),
          new Transform({
            transform(chunk: Buffer, _enc, done) {
              hash.update(chunk);
              done(null, chunk);
            },
          }),
          out,
          { end: false },
        );
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    } catch (error) {
      out.destroy();
      await rm(tmp, { force: true });
      throw error;
    }
    return hash.digest('hex');
  }

  /** Makes an assembled file final (after its row committed). */
  async publish(storageName: string): Promise<void> {
    await rename(`${this.filePath(storageName)}.tmp`, this.filePath(storageName));
  }

  async discardAssembled(storageName: string): Promise<void> {
    await rm(`${this.filePath(storageName)}.tmp`, { force: true });
  }

  async dropChunks(uploadId: string): Promise<void> {
    await rm(this.chunkDir(uploadId), { recursive: true, force: true });
  }

  async size(storageName: string): Promise<number | null> {
    try {
      return (await stat(this.filePath(storageName))).size;
    } catch {
      return null;
    }
  }
}
