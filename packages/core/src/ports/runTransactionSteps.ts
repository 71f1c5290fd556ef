import type { ProfileStore, ProfileStoreSyncWriter, ProfileStoreWriter } from './profileStore.ts';

/**
 * A store writer of either flavour: the async port or the synchronous one
 * an in-process store offers. Transaction bodies written as steps accept both.
 *
 * @example
 * ```ts
 * import type { AnyStoreWriter } from '@memberkit/core';
 * declare const tx: AnyStoreWriter;
 * const id = tx.findProfileId('email', 'a@b.cn'); // a value or a promise of it
 * ```
 */
export type AnyStoreWriter = ProfileStoreWriter | ProfileStoreSyncWriter;

/**
 * A transaction body written once for both kinds of store: a generator that
 * yields each store call's result (a value or a promise) and gets the
 * settled value back. Annotate what a `yield` gives back (`const id: string
 * | undefined = yield tx.findProfileId(…)`): the next-value type is `never`
 * so that any annotation is accepted without `any`. Plain `yield`, no
 * helper generator: on the synchronous path each step costs one resume.
 *
 * @example
 * ```ts
 * import { memoryStore, runTransactionSteps, type AnyStoreWriter, type TransactionSteps } from '@memberkit/core';
 * function* ownerOf(tx: AnyStoreWriter, email: string): TransactionSteps<string | undefined> {
 *   const id: string | undefined = yield tx.findProfileId('email', email);
 *   return id;
 * }
 * await runTransactionSteps(memoryStore(), (tx) => ownerOf(tx, 'a@b.cn'));
 * //=> undefined
 * ```
 */
export type TransactionSteps<T> = Generator<unknown, T, never>;

/**
 * Runs steps to the end, awaiting each yielded value (rejections are thrown
 * into the generator, so its `try` / `finally` work as in async code).
 *
 * @example
 * ```ts
 * import { runStepsAsync } from '@memberkit/core';
 * await runStepsAsync((function* () { const one: number = yield Promise.resolve(1); return 1 + one; })());
 * //=> 2
 * ```
 */
export async function runStepsAsync<T>(steps: TransactionSteps<T>): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    let value: unknown;
    try {
      value = await r.value;
    } catch (error) {
      r = steps.throw(error);
      continue;
    }
    r = steps.next(value as never);
  }
  return r.value;
}

/**
 * Runs steps to the end synchronously: every yielded value must already be
 * settled (what a synchronous store writer returns).
 *
 * @example
 * ```ts
 * import { runStepsSync } from '@memberkit/core';
 * runStepsSync((function* () { const one: number = yield 1; return 1 + one; })());
 * //=> 2
 * ```
 */
export function runStepsSync<T>(steps: TransactionSteps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next(r.value as never);
  return r.value;
}

/**
 * Runs a transaction body written as steps: synchronously through the
 * store's `transactionSync` when it has one (the memory store: no promise
 * per read or write), else through `transaction`, awaiting each step.
 *
 * @example
 * ```ts
 * import { memoryStore, runTransactionSteps, type TransactionSteps } from '@memberkit/core';
 * const store = memoryStore();
 * const owner = await runTransactionSteps(store, function* (tx): TransactionSteps<string | undefined> {
 *   yield tx.linkIdentifier('email', 'a@b.cn', 'prof_1');
 *   const id: string | undefined = yield tx.findProfileId('email', 'a@b.cn');
 *   return id;
 * });
 * owner;
 * //=> 'prof_1'
 * ```
 */
export function runTransactionSteps<T>(store: ProfileStore, body: (tx: AnyStoreWriter) => TransactionSteps<T>): Promise<T> {
  if (store.transactionSync) return store.transactionSync((tx) => runStepsSync(body(tx)));
  return store.transaction((tx) => runStepsAsync(body(tx)));
}

/**
 * Runs one body per item, in order, all in one transaction (what a batch
 * ingest does). Cheaper than one generator delegating to the others: each
 * step resumes only its own generator.
 *
 * @example
 * ```ts
 * import { memoryStore, runTransactionStepsEach, type TransactionSteps } from '@memberkit/core';
 * const owners = await runTransactionStepsEach(memoryStore(), ['a@b.cn', 'c@d.cn'], function* (tx, email): TransactionSteps<string | undefined> {
 *   const id: string | undefined = yield tx.findProfileId('email', email);
 *   return id;
 * });
 * owners;
 * //=> [undefined, undefined]
 * ```
 */
export function runTransactionStepsEach<I, T>(store: ProfileStore, items: readonly I[], body: (tx: AnyStoreWriter, item: I) => TransactionSteps<T>): Promise<T[]> {
  if (store.transactionSync) {
    return store.transactionSync((tx) => {
      const out: T[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) out[i] = runStepsSync(body(tx, items[i]!));
      return out;
    });
  }
  return store.transaction(async (tx) => {
    const out: T[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = await runStepsAsync(body(tx, items[i]!));
    return out;
  });
}
