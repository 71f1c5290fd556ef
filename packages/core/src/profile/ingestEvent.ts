import { MemberkitError } from '../errors/memberkitError.ts';
import { parseEventForStore } from '../events/memberkitEvent.ts';
import { eventIdentifiers, type Identifier } from '../identity/eventIdentifiers.ts';
import { runTransactionSteps, runTransactionStepsEach } from '../ports/runTransactionSteps.ts';
import type { RuleChanges } from '../segments/applyRules.ts';
import { applyEventSteps, applyEventSync, type PreparedEvent } from './applyEventSteps.ts';
import type { MemberkitContext } from './memberkitContext.ts';

/**
 * The outcome of ingesting one event.
 *
 * @example
 * ```ts
 * import type { IngestResult } from '@memberkit/core';
 * declare const r: IngestResult;
 * if (r.status === 'duplicate') console.log('already had', r.eventId);
 * ```
 */
export interface IngestResult extends RuleChanges {
  readonly status: 'accepted' | 'duplicate';
  readonly eventId: string;
  readonly profileId: string;
  /** True when this event created the profile. */
  readonly created: boolean;
  /** Ids of the merges this event caused (undo with `unmerge`). */
  readonly merges: readonly string[];
  /** Identifiers the event carried that belong to another person and were left alone. */
  readonly conflicts: readonly Identifier[];
}

/**
 * Validates an event and cleans its identifiers, outside any transaction:
 * throws a `MemberkitError` for bad input before anything is touched.
 */
function prepareEvent(ctx: MemberkitContext, input: unknown): PreparedEvent {
  const event = parseEventForStore(input);
  return { event, identifiers: eventIdentifiers(event, ctx.defaultCountryCode) };
}

/**
 * Validates, deduplicates and attributes one event to a profile (R-EVT-4,
 * R-PROF-1), all in one store transaction:
 *
 * 1. identifiers are cleaned (phone to E.164, email lower-cased …);
 * 2. they are walked strongest first: the first one already linked picks the
 *    profile, later ones linked to *other* profiles merge them in, unless the
 *    two hold different values of a unique kind (two user ids, two phones):
 *    then they are different people and the identifier is reported in
 *    `conflicts` instead;
 * 3. unlinked identifiers are linked, traits updated, the event stored;
 * 4. rule tags and segments are re-evaluated for the profile.
 *
 * An event id seen before changes nothing and answers `duplicate`. Invalid
 * input throws a `MemberkitError` and stores nothing.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * const r = await mk.ingest({ id: 'e1', type: 'signed_up', timestamp: '2026-03-01T10:00:00Z', userId: 'u1', identifiers: { phone: '13812345678' }, properties: {} });
 * r.status;
 * //=> 'accepted'
 * ```
 */
export function ingestEvent(ctx: MemberkitContext, input: unknown): Promise<IngestResult> {
  // Not `async`: one promise per call, not two. Bad input still rejects.
  let prepared: PreparedEvent;
  try {
    prepared = prepareEvent(ctx, input);
  } catch (error) {
    return Promise.reject(error);
  }
  const { store } = ctx;
  // An in-process store: the plain function, no generator (see applyEventSync).
  if (store.transactionSync) return store.transactionSync((tx) => applyEventSync(ctx, tx, prepared));
  return runTransactionSteps(store, (tx) => applyEventSteps(ctx, tx, prepared));
}

/**
 * One item of a batch answer: the ingest result, or why the event was
 * rejected (the others in the batch are unaffected).
 *
 * @example
 * ```ts
 * import type { BatchItemResult } from '@memberkit/core';
 * declare const r: BatchItemResult;
 * if (r.status === 'rejected') console.log(r.error.code, r.error.field);
 * ```
 */
export type BatchItemResult = IngestResult | { readonly status: 'rejected'; readonly index: number; readonly error: MemberkitError };

/**
 * Ingests a batch (what a collector receives from one tracker request): each
 * event is validated on its own, so one bad event is rejected with its error
 * while the rest are applied, in order, in a single store transaction. This
 * is the fast path: one transaction per batch instead of one per event.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * const results = await mk.ingestBatch([
 *   { id: 'e1', type: 'products_searched', timestamp: 0, anonymousId: 'a1', properties: { query: '奶粉' } },
 *   { id: 'e2', type: 'products_searched', timestamp: 0, properties: { query: 'no identity' } },
 * ]);
 * results.map((r) => r.status);
 * //=> ['accepted', 'rejected']
 * ```
 */
export async function ingestBatch(ctx: MemberkitContext, inputs: readonly unknown[]): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = new Array(inputs.length);
  const ready: PreparedEvent[] = [];
  const at: number[] = [];
  for (let index = 0; index < inputs.length; index++) {
    try {
      ready.push(prepareEvent(ctx, inputs[index]));
      at.push(index);
    } catch (error) {
      if (!(error instanceof MemberkitError)) throw error;
      results[index] = { status: 'rejected', index, error };
    }
  }
  if (ready.length > 0) {
    const { store } = ctx;
    const applied = store.transactionSync
      ? await store.transactionSync((tx) => ready.map((prepared) => applyEventSync(ctx, tx, prepared)))
      : await runTransactionStepsEach(store, ready, (tx, prepared) => applyEventSteps(ctx, tx, prepared));
    for (let i = 0; i < applied.length; i++) results[at[i]!] = applied[i]!;
  }
  return results;
}
