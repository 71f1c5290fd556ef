import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A collector on 127.0.0.1 that dedupes by event id, as a real one must, and counts wire copies. */
export interface TestCollector {
  url: string;
  /** `up` answers 200; `down` drops the connection (no answer at all). */
  mode: 'up' | 'down';
  /** Every copy received, by event id. */
  copies: Map<string, number>;
  /** The deduplicated store: first copy of each event. */
  stored: Map<string, { type: string; properties: Record<string, unknown> }>;
  requests: number;
  reset(): void;
  close(): Promise<void>;
}

/** Serves the page, the tracker bundle and POST /collect. */
export async function startCollector(bundle: string): Promise<TestCollector> {
  const c = { mode: 'up', copies: new Map(), stored: new Map(), requests: 0 } as unknown as TestCollector;
  const html = `<!doctype html><html><head><title>shop</title><script src="/tracker.js"></script></head><body><button id="b">b</button></body></html>`;
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/collect')) {
      if (c.mode === 'down') {
        req.socket.destroy();
        return;
      }
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        c.requests++;
        try {
          const parsed = JSON.parse(body) as { batch: Array<{ id: string; type: string; properties: Record<string, unknown> }> };
          for (const e of parsed.batch) {
            c.copies.set(e.id, (c.copies.get(e.id) ?? 0) + 1);
            if (!c.stored.has(e.id)) c.stored.set(e.id, e);
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        } catch {
          res.writeHead(400).end();
        }
      });
      return;
    }
    if (req.url === '/tracker.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  c.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  c.reset = () => {
    c.copies.clear();
    c.stored.clear();
    c.requests = 0;
    c.mode = 'up';
  };
  c.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return c;
}
