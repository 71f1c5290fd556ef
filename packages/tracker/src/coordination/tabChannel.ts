/**
 * Messages tabs exchange about the shared queue.
 *
 * @example
 * ```ts
 * import type { TabMessage } from '@memberkit/tracker';
 * const m: TabMessage = { t: 'fly', ids: ['019b…'] };
 * ```
 */
export type TabMessage =
  /** Another tab is sending these ids: do not beacon them on unload. */
  | { t: 'fly'; ids: string[] }
  /** Another tab finished sending these ids; `ok` says the collector acknowledged them. */
  | { t: 'done'; ids: string[]; ok: boolean };

/**
 * A BroadcastChannel between the tabs of one origin, or a silent stand-in
 * where there is none (old Safari, mini-programs).
 *
 * @example
 * ```ts
 * import { tabChannel } from '@memberkit/tracker';
 * const ch = tabChannel('mk');
 * ch.post({ t: 'done', ids: ['e1'], ok: true });
 * ch.close();
 * ```
 */
export function tabChannel(name: string, onMessage?: (m: TabMessage) => void): { post(m: TabMessage): void; close(): void } {
  if (typeof BroadcastChannel !== 'function') return { post: () => {}, close: () => {} };
  const ch = new BroadcastChannel(name);
  ch.onmessage = (ev: MessageEvent<TabMessage>) => onMessage?.(ev.data);
  return { post: (m) => ch.postMessage(m), close: () => ch.close() };
}
