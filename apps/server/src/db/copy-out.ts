import type pg from 'pg';

/** The protocol's message codes this reader looks at. */
const COPY_DATA = 0x64; // 'd'
const ERROR_RESPONSE = 0x45; // 'E'
/** Messages that may come between CopyOutResponse and CopyDone without ending the copy. */
const INTERSPERSED = new Set([
  0x48 /* H CopyOutResponse */,
  COPY_DATA,
  0x53 /* S ParameterStatus */,
  0x4e /* N Notice */,
  0x41 /* A Notification */,
]);

/** What `COPY … TO STDOUT` produced: its text, and its row count (one CopyData message per row). */
export interface CopyOutput {
  data: Buffer;
  rows: number;
}

/**
 * `COPY … TO STDOUT` collected into one buffer. Like pg-copy-streams' reader it takes the connection's bytes while
 * the copy lasts and hands the rest back to node-pg's parser once CopyDone (or an error) arrives; unlike it, it
 * copies each row's bytes straight into a growing buffer instead of allocating an object per row, which on a
 * million rows was most of the garbage a table job made.
 */
class CopyCollector {
  readonly text: string;
  private out: Buffer;
  private size = 0;
  private rows = 0;
  /** Parser state: the message's code, the bytes of its length still to read, then of its content. */
  private code = -1;
  private header = Buffer.alloc(4);
  private headerHave = 0;
  private remaining = -1;
  private connection: { stream: NodeJS.ReadableStream & { listeners(e: 'data'): ((chunk: Buffer) => void)[] } } | null = null;
  private pgHandler: ((chunk: Buffer) => void) | null = null;
  private readonly onData = (chunk: Buffer) => this.parse(chunk);
  private settled = false;
  private failure: Error | null = null;
  readonly done: Promise<CopyOutput>;
  private resolve!: (output: CopyOutput) => void;
  private reject!: (error: Error) => void;

  constructor(text: string, into: Buffer) {
    this.text = text;
    this.out = into;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Called by node-pg when the query's turn comes. */
  submit(connection: { stream: NodeJS.ReadableStream; query(text: string): void }) {
    const stream = connection.stream as NodeJS.ReadableStream & { listeners(e: 'data'): ((chunk: Buffer) => void)[] };
    const listeners = stream.listeners('data');
    if (listeners.length !== 1) throw new Error(`expected node-pg's one data listener, found ${listeners.length}`);
    this.connection = { stream };
    this.pgHandler = listeners[0]!;
    stream.removeListener('data', this.pgHandler);
    stream.on('data', this.onData);
    connection.query(this.text);
  }

  /** Gives the connection back to node-pg's parser, with the bytes after the copy. */
  private detach(rest: Buffer) {
    const stream = this.connection!.stream;
    stream.removeListener('data', this.onData);
    stream.on('data', this.pgHandler!);
    if (rest.length) this.pgHandler!(rest);
  }

  private append(chunk: Buffer, start: number, end: number) {
    const n = end - start;
    if (this.size + n > this.out.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.size + n));
      this.out.copy(grown, 0, 0, this.size);
      this.out = grown;
    }
    chunk.copy(this.out, this.size, start, end);
    this.size += n;
  }

  private parse(chunk: Buffer) {
    let at = 0;
    while (at < chunk.length) {
      if (this.code < 0) {
        this.code = chunk[at]!;
        if (this.code === ERROR_RESPONSE) {
          // node-pg parses the error and reports it through handleError.
          this.code = -1;
          this.detach(chunk.subarray(at));
          return;
        }
        at++;
        this.headerHave = 0;
        continue;
      }
      if (this.remaining < 0) {
        const take = Math.min(4 - this.headerHave, chunk.length - at);
        chunk.copy(this.header, this.headerHave, at, at + take);
        this.headerHave += take;
        at += take;
        if (this.headerHave === 4) {
          this.remaining = this.header.readUInt32BE(0) - 4;
          if (this.code === COPY_DATA) this.rows++;
        }
        if (this.remaining < 0) continue;
      }
      const take = Math.min(this.remaining, chunk.length - at);
      if (this.code === COPY_DATA && take > 0) this.append(chunk, at, at + take);
      at += take;
      this.remaining -= take;
      if (this.remaining === 0) {
        const code = this.code;
        this.code = -1;
        this.remaining = -1;
        if (!INTERSPERSED.has(code)) {
          // CopyDone: CommandComplete and ReadyForQuery follow, for node-pg.
          this.detach(chunk.subarray(at));
          return;
        }
      }
    }
  }

  /**
   * Set by node-pg when the client has a query_timeout: it clears the timeout's timer, so it must be called when the
   * query ends (left pending, the timer kept a command-line process alive, and fired on a finished query).
   */
  callback?: (error: Error | null) => void;

  handleCommandComplete() {}
  handleReadyForQuery() {
    this.settle(this.failure);
  }
  handleError(error: Error) {
    // A connection lost mid-copy leaves this reader attached: give the stream back before reporting.
    if (this.connection && this.connection.stream.listeners('data').includes(this.onData)) this.detach(Buffer.alloc(0));
    this.failure ??= error;
    this.settle(error);
  }

  private settle(error: Error | null) {
    if (this.settled) return;
    this.settled = true;
    this.callback?.(error);
    if (error) this.reject(error);
    else this.resolve({ data: this.out.subarray(0, this.size), rows: this.rows });
  }
}

/**
 * Runs `COPY (…) TO STDOUT` (or `COPY table TO STDOUT`) on the client; its text in one buffer and its row count.
 * The text is written into `into` (from a BufferPool, say), or a buffer of 1 MB, grown by doubling when too small.
 */
export function copyOutBuffer(client: pg.ClientBase, text: string, into?: Buffer): Promise<CopyOutput> {
  const collector = new CopyCollector(text, into && into.length > 0 ? into : Buffer.allocUnsafe(1 << 20));
  client.query(collector as unknown as pg.QueryConfig);
  return collector.done;
}

/**
 * Large buffers handed back once their bytes are no longer needed, to be written again: a table job's pages are
 * megabytes each, and allocating them anew for every page made V8 mark its whole heap every few pages. A buffer
 * taken when none is free is as large as the largest given back (a page read into a smaller one grows it).
 */
export class BufferPool {
  private readonly free: Buffer[] = [];
  private largest = 1 << 20;

  constructor(private readonly keep = 4) {}

  /** A free buffer, or a new one (its contents are garbage). */
  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(this.largest);
  }

  /** Gives back the buffer behind `data` (a view from take, possibly a part of it); nothing may read `data` after. */
  give(data: Buffer): void {
    const whole = Buffer.from(data.buffer, 0, data.buffer.byteLength);
    // Small buffers live in Node's shared pool slab: never reused here.
    if (whole.length < 64 * 1024 || this.free.some((b) => b.buffer === whole.buffer)) return;
    this.largest = Math.max(this.largest, whole.length);
    if (this.free.length < this.keep) this.free.push(whole);
  }
}
