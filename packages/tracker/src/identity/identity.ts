import type { KeyValueStorage } from '../platform/keyValueStorage.ts';

/**
 * Who the device and the shopper are.
 *
 * @example
 * ```ts
 * import type { Identity } from '@memberkit/tracker';
 * declare const who: Identity;
 * who.setUser('member_1');
 * ```
 */
export interface Identity {
  readonly anonymousId: string;
  readonly userId: string | undefined;
  setUser(userId: string): void;
  /** Logout: forget the user and start a new anonymous id. */
  reset(): void;
}

/**
 * An anonymous id created once and persisted (`mk_aid`), and the user id
 * after identify (`mk_uid`).
 *
 * @example
 * ```ts
 * import { createIdentity, memoryStorage } from '@memberkit/tracker';
 * const kv = memoryStorage();
 * createIdentity(kv, () => 'anon-1');
 * createIdentity(kv, () => 'anon-2').anonymousId;
 * //=> 'anon-1'
 * ```
 */
export function createIdentity(kv: KeyValueStorage, newId: () => string): Identity {
  let anon = kv.get('mk_aid') ?? '';
  if (!anon) kv.set('mk_aid', (anon = newId()));
  let user = kv.get('mk_uid') ?? undefined;
  return {
    get anonymousId() {
      return anon;
    },
    get userId() {
      return user;
    },
    setUser: (id) => void kv.set('mk_uid', (user = id)),
    reset: () => {
      user = undefined;
      kv.remove('mk_uid');
      kv.set('mk_aid', (anon = newId()));
    },
  };
}
