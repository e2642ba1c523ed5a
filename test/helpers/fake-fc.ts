/**
 * A loopback server standing in for FC's invoke API, to see what fc2 sends and answer as FC
 * might: each test sets `answer`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
export interface FakeFc {
  target: { accountId: string; region: string; endpoint: string };
  answer: (req: IncomingMessage, res: ServerResponse) => void;
  last(): Seen;
  /** Every request seen, oldest first. */
  all(): Seen[];
  count(): number;
  close(): void;
}

/** A loopback server standing in for FC, to see what fc2 sends and answer as FC might. */
export async function fakeFc(account: { accountId: string; region: string }): Promise<FakeFc> {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
    fake.answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeFc = {
    target: { ...account, endpoint: `http://127.0.0.1:${port}` },
    answer: (_req, res) => res.writeHead(202).end(),
    last: () => seen.at(-1) ?? { url: '', headers: {}, body: Buffer.alloc(0) },
    count: () => seen.length,
    all: () => [...seen],
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
  return fake;
}
