// A chat-completions server on 127.0.0.1 for the tests of asking in plain language (the
// core's, the CLI's, the Chromium spec's): it records every request as received (path,
// headers, raw body) and answers from a script: one JSON completion, a stream of server-sent
// events, an error status, a stream that stops mid-way and hangs, or no answer at all.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeReply =
  /** One non-streamed completion whose message is `content`. */
  | { kind: 'json'; content: string }
  /** Server-sent events, one per piece, then `data: [DONE]`; with `hang`, the stream stops after the pieces and never ends. */
  | { kind: 'stream'; pieces: string[]; hang?: boolean }
  /** An error status with this body. */
  | { kind: 'status'; status: number; body: string }
  /** Headers never come. */
  | { kind: 'hang' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as sent. */
  body: string;
}

export interface FakeChatServer {
  /** The base URL to configure (`…/v1`; the app appends /chat/completions). */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; the last one is repeated once the others are used. */
  reply(...replies: FakeReply[]): void;
  /** Resolves when the next request has arrived (its body read). */
  nextRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

const chunk = (content: string) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] })}\n\n`;

export async function startFakeChatServer(): Promise<FakeChatServer> {
  const requests: RecordedRequest[] = [];
  let replies: FakeReply[] = [{ kind: 'json', content: '```sql\nSELECT 1\n```' }];
  let waiting: ((r: RecordedRequest) => void)[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
      const resolve = waiting;
      waiting = [];
      for (const w of resolve) w(recorded);
      switch (reply.kind) {
        case 'json':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }] }));
          return;
        case 'stream':
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
          res.write(': keep-alive\n\n');
          for (const piece of reply.pieces) res.write(chunk(piece));
          if (!reply.hang) res.end('data: [DONE]\n\n');
          return;
        case 'status':
          res.writeHead(reply.status, { 'content-type': 'application/json' });
          res.end(reply.body);
          return;
        case 'hang':
          return;
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    reply: (...next) => {
      replies = next;
    },
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound once, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
