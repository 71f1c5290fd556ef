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
  /** Statuses to answer next, in order (with `Retry-After: 1` on 429), before plain 200s. */
  script: number[];
  /** Arrival time of every POST, answered or not. */
  times: number[];
  reset(): void;
  close(): Promise<void>;
}

/** Serves the page, the tracker bundle and POST /collect. */
export async function startCollector(bundle: string): Promise<TestCollector> {
  const c = { mode: 'up', copies: new Map(), stored: new Map(), requests: 0, script: [], times: [] } as unknown as TestCollector;
  const html = `<!doctype html><html><head><title>shop</title><script src="/tracker.js"></script></head><body><button id="b">b</button></body></html>`;
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/collect')) {
      c.times.push(Date.now());
      if (c.mode === 'down') {
        req.socket.destroy();
        return;
      }
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        c.requests++;
        let batch: Array<{ id: string; type: string; properties: Record<string, unknown> }>;
        try {
          batch = (JSON.parse(body) as { batch: typeof batch }).batch;
        } catch {
          res.writeHead(400).end();
          return;
        }
        // Every copy that reached us counts, answered 2xx or not.
        for (const e of batch) c.copies.set(e.id, (c.copies.get(e.id) ?? 0) + 1);
        const scripted = c.script.shift();
        if (scripted !== undefined) {
          res.writeHead(scripted, scripted === 429 ? { 'retry-after': '1' } : {}).end();
          return;
        }
        for (const e of batch) if (!c.stored.has(e.id)) c.stored.set(e.id, e);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
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
    c.script = [];
    c.times = [];
  };
  c.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return c;
}
