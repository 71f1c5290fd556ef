import type { MemberkitContext } from '../profile/memberkitContext.ts';
import type { Profile } from '../profile/profile.ts';
import { applyRules } from './applyRules.ts';

const FLUSH_EVERY = 1000;

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

/**
 * Re-evaluates every rule tag and segment for every live profile at the
 * clock's "now" (R-TAG-3 batch): time-based rules such as "30 days without a
 * purchase" or "cart not paid within an hour" change without any new event,
 * so run this on a schedule. Profiles are processed one at a time and
 * changes are written in chunks of a thousand, so memory stays bounded.
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
  const tags: Record<string, { entered: string[]; left: string[]; size: number }> = {};
  const segments: Record<string, { entered: string[]; left: string[]; size: number }> = {};
  for (const t of ctx.ruleTags) tags[t.id] = { entered: [], left: [], size: 0 };
  for (const s of ctx.segments) segments[s.id] = { entered: [], left: [], size: 0 };
  let evaluated = 0;
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
    evaluated++;
    for (const t of changes.tagsEntered) tags[t]?.entered.push(id);
    for (const t of changes.tagsLeft) tags[t]?.left.push(id);
    for (const s of changes.segmentsEntered) segments[s]?.entered.push(id);
    for (const s of changes.segmentsLeft) segments[s]?.left.push(id);
    for (const t of next.tags) if (t.origin === 'rule' && tags[t.tag]) tags[t.tag]!.size++;
    for (const s of next.segments) if (segments[s]) segments[s]!.size++;
  }
  if (pending.length > 0) await flush();
  return { evaluated, tags, segments };
}
