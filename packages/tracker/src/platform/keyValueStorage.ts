/**
 * A small synchronous string store: `localStorage` on the web, `wx`/`my`
 * storage in mini-programs, a Map in tests. Implementations never throw:
 * a full or blocked storage must not break the host page.
 *
 * @example
 * ```ts
 * import type { KeyValueStorage } from '@memberkit/tracker';
 * const m = new Map<string, string>();
 * const kv: KeyValueStorage = { get: (k) => m.get(k) ?? null, set: (k, v) => (m.set(k, v), true), remove: (k) => void m.delete(k) };
 * ```
 */
export interface KeyValueStorage {
  get(key: string): string | null;
  /** Returns false when the value could not be written (quota, private mode). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

/**
 * An in-memory {@link KeyValueStorage}, the last resort when nothing persists.
 *
 * @example
 * ```ts
 * import { memoryStorage } from '@memberkit/tracker';
 * const kv = memoryStorage();
 * kv.set('a', '1');
 * kv.get('a');
 * //=> '1'
 * ```
 */
export function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, v) => (m.set(k, v), true),
    remove: (k) => void m.delete(k),
  };
}

/**
 * Wraps a Web Storage object so quota and security errors are swallowed
 * (Safari private mode throws on access, a full quota throws on write).
 * Returns null when the storage is missing or refuses a test write.
 *
 * @example
 * ```ts
 * import { webStorage } from '@memberkit/tracker';
 * webStorage(() => localStorage)?.set('mk_test', '1');
 * //=> true
 * ```
 */
export function webStorage(get: () => Storage): KeyValueStorage | null {
  let s: Storage;
  try {
    s = get();
    s.setItem('mk_t', '1');
    s.removeItem('mk_t');
  } catch {
    return null;
  }
  return {
    get: (k) => {
      try {
        return s.getItem(k);
      } catch {
        return null;
      }
    },
    set: (k, v) => {
      try {
        s.setItem(k, v);
        return true;
      } catch {
        return false;
      }
    },
    remove: (k) => {
      try {
        s.removeItem(k);
      } catch {
        // a storage that cannot remove cannot hurt either
      }
    },
  };
}
