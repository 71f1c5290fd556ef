import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';

/**
 * Gives a plain Node module scope the page globals the tracker touches
 * (storage, location, document, history, window events, navigator with Web
 * Locks, fetch), from a happy-dom Window. Used where examples run as real
 * ES modules outside vitest's DOM environment. Returns the fetch calls.
 */
export function installPageGlobals(url = 'https://shop.example/'): { posted: string[] } {
  const g = globalThis as Record<string, unknown>;
  const page = new Window({ url });
  for (const k of ['localStorage', 'sessionStorage', 'location', 'document', 'history'] as const) g[k] = page[k];
  g.addEventListener = page.addEventListener.bind(page);
  g.removeEventListener = page.removeEventListener.bind(page);
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: { userAgent: 'Mozilla/5.0', language: 'zh-CN', onLine: true, locks: { request: (_n: string, _o: object, fn: (lock: object) => unknown) => Promise.resolve(fn({})) } },
  });
  const posted: string[] = [];
  g.fetch = async (_url: string, init: { body: string }) => {
    posted.push(init.body);
    return new Response('{}', { status: 200 });
  };
  return { posted };
}
