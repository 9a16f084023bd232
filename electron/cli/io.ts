// What a command may touch of the outside world; tests pass their own.
export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /**
   * Writes to standard output. Output that streams (query --format ndjson/json/csv)
   * awaits what this returns, so a slow reader holds the producer back instead of the
   * unwritten text piling up in memory.
   */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** Whether standard error is a terminal (progress is drawn there, on one rewritten line). */
  stderrIsTTY?: boolean;
  readStdin(): Promise<string>;
}

/** Standard input's lines without their terminators (a final newline ends the last line): passwords and keys, one a line. */
export const readStdinLines = async (io: CliIo): Promise<string[]> => (await io.readStdin()).replace(/\r?\n$/, '').split(/\r?\n/);

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Fixed-width columns for human output; `--json` is for scripts. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

/** Standard output's reader went away (`enclave query … | head`): nothing more to say, and no error. */
export class OutputClosed extends Error {
  constructor() {
    super('standard output was closed');
  }
}

/** A write to a stream that resolves once the stream can take more (its buffer drained). */
export function writeWithBackpressure(stream: NodeJS.WritableStream & { destroyed?: boolean }, text: string): void | Promise<void> {
  if (stream.destroyed) return Promise.reject(new OutputClosed());
  if (stream.write(text)) return;
  return new Promise((resolve, reject) => {
    const done = (err?: unknown) => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', closed);
      if (err) reject((err as NodeJS.ErrnoException).code === 'EPIPE' ? new OutputClosed() : err);
      else resolve();
    };
    // A reader that went away (`| head`) closes the pipe: stop producing.
    const closed = () => done(new OutputClosed());
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', closed);
  });
}
