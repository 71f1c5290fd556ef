import type { MemberkitContext } from '../profile/memberkitContext.ts';
import type { Profile } from '../profile/profile.ts';
import type { ProfileStoreSyncWriter } from '../ports/profileStore.ts';
import { applyRules, type RuleChanges } from './applyRules.ts';

const FLUSH_EVERY = 1000;
// Profiles per synchronous transaction: long enough to amortise the
// transaction, short enough that ingest calls queued meanwhile wait little.
const SYNC_CHUNK = 5000;

/**
 * Batch result: per rule tag and segment, who entered and who left, and the
 * size after evaluation.
 *
 * @example
 * ```ts
 * import type { BatchEvaluation } from '@memberkit/core';
 * declare const r: BatchEvaluation;
 * r.segments['gold-mums']?.entered.length;
 * ```
 */
export interface BatchEvaluation {
  readonly evaluated: number;
  readonly tags: Readonly<Record<string, { entered: string[]; left: string[]; size: number }>>;
  readonly segments: Readonly<Record<string, { entered: string[]; left: string[]; size: number }>>;
}

type Tally = Record<string, { entered: string[]; left: string[]; size: number }>;

// Counts one evaluated profile into the result.
class Tallies {
  readonly tags: Tally = {};
  readonly segments: Tally = {};
  private readonly tagCounts = new Map<string, { size: number }>();
  private readonly segmentCounts = new Map<string, { size: number }>();
  evaluated = 0;

  constructor(ctx: MemberkitContext) {
    for (const t of ctx.ruleTags) {
      const entry = { entered: [], left: [], size: 0 };
      this.tags[t.id] = entry;
      this.tagCounts.set(t.id, entry);
    }
    for (const s of ctx.segments) {
      const entry = { entered: [], left: [], size: 0 };
      this.segments[s.id] = entry;
      this.segmentCounts.set(s.id, entry);
    }
  }

  add(id: string, next: Profile, changes: RuleChanges): void {
    this.evaluated++;
    for (const t of changes.tagsEntered) this.tags[t]?.entered.push(id);
    for (const t of changes.tagsLeft) this.tags[t]?.left.push(id);
    for (const s of changes.segmentsEntered) this.segments[s]?.entered.push(id);
    for (const s of changes.segmentsLeft) this.segments[s]?.left.push(id);
    for (const t of next.tags) {
      if (t.origin !== 'rule') continue;
      const c = this.tagCounts.get(t.tag);
      if (c) c.size++;
    }
    for (const s of next.segments) {
      const c = this.segmentCounts.get(s);
      if (c) c.size++;
    }
  }
}

/**
 * Re-evaluates every rule tag and segment for every live profile at the
 * clock's "now" (R-TAG-3 batch): time-based rules such as "30 days without a
 * purchase" or "cart not paid within an hour" change without any new event,
 * so run this on a schedule. On a store with synchronous transactions (the
 * memory store) profiles are evaluated and written in chunks of a few
 * thousand per transaction, without a promise per profile; on other stores
 * one at a time, with changes written in chunks of a thousand. Memory stays
 * bounded either way.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit({ segments: [{ id: 'buyers', name: 'Buyers', rule: { event: 'order_completed' } }] });
 * const result = await mk.evaluateAll();
 * result.segments.buyers?.size;
 * //=> 0
 * ```
 */
export async function evaluateAll(ctx: MemberkitContext): Promise<BatchEvaluation> {
  const now = ctx.clock.now();
  const tallies = new Tallies(ctx);
  const { store } = ctx;
  if (store.transactionSync && store.liveProfileIdsSync) {
    const ids = store.liveProfileIdsSync()[Symbol.iterator]();
    let done = false;
    // Inside one sync transaction nothing else runs, so a profile is read,
    // evaluated and written with no chance of a concurrent change.
    const chunk = (tx: ProfileStoreSyncWriter): void => {
      for (let n = 0; n < SYNC_CHUNK; n++) {
        const r = ids.next();
        if (r.done) {
          done = true;
          return;
        }
        const profile = tx.getProfile(r.value);
        if (!profile || profile.mergedInto !== undefined) continue;
        const { profile: next, changes } = applyRules(profile, tx.listEvents(r.value), now, ctx.ruleTags, ctx.segments, undefined, tx.listEventTimes?.(r.value));
        if (next !== profile) tx.putProfile(next);
        tallies.add(r.value, next, changes);
      }
    };
    while (!done) await store.transactionSync(chunk);
  } else {
    await evaluateOneByOne(ctx, now, tallies);
  }
  return { evaluated: tallies.evaluated, tags: tallies.tags, segments: tallies.segments };
}

async function evaluateOneByOne(ctx: MemberkitContext, now: number, tallies: Tallies): Promise<void> {
  let pending: Array<{ before: Profile; next: Profile }> = [];
  // Changed profiles are written in chunks, each in one transaction, and only
  // if nobody changed the profile meanwhile (else its next ingest re-evaluates).
  const flush = async (): Promise<void> => {
    const chunk = pending;
    pending = [];
    await ctx.store.transaction(async (tx) => {
      for (const { before, next } of chunk) {
        const current = await tx.getProfile(before.id);
        if (current && current.updatedAt === before.updatedAt && current.mergedInto === undefined) await tx.putProfile(next);
      }
    });
  };
  for await (const id of ctx.store.listProfileIds()) {
    const profile = await ctx.store.getProfile(id);
    if (!profile || profile.mergedInto !== undefined) continue;
    const { profile: next, changes } = applyRules(profile, await ctx.store.listEvents(id), now, ctx.ruleTags, ctx.segments);
    if (next !== profile) {
      pending.push({ before: profile, next });
      if (pending.length >= FLUSH_EVERY) await flush();
    }
    tallies.add(id, next, changes);
  }
  if (pending.length > 0) await flush();
}
