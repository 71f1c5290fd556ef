import type { MemberkitContext } from '../profile/memberkitContext.ts';
import { applyRules } from './applyRules.ts';

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
 * so run this on a schedule. Profiles are processed one at a time, each in
 * its own transaction, so memory stays bounded by one profile's history.
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
  for await (const id of ctx.store.listProfileIds()) {
    const profile = await ctx.store.getProfile(id);
    if (!profile || profile.mergedInto !== undefined) continue;
    const { profile: next, changes } = applyRules(profile, await ctx.store.listEvents(id), now, ctx.ruleTags, ctx.segments);
    if (next !== profile) {
      await ctx.store.transaction(async (tx) => {
        // Written only if nobody changed the profile meanwhile; otherwise the
        // next ingest for it re-evaluates anyway.
        const current = await tx.getProfile(id);
        if (current && current.updatedAt === profile.updatedAt && current.mergedInto === undefined) await tx.putProfile(next);
      });
    }
    evaluated++;
    for (const t of changes.tagsEntered) tags[t]?.entered.push(id);
    for (const t of changes.tagsLeft) tags[t]?.left.push(id);
    for (const s of changes.segmentsEntered) segments[s]?.entered.push(id);
    for (const s of changes.segmentsLeft) segments[s]?.left.push(id);
    for (const t of next.tags) if (t.origin === 'rule' && tags[t.tag]) tags[t.tag]!.size++;
    for (const s of next.segments) if (segments[s]) segments[s]!.size++;
  }
  return { evaluated, tags, segments };
}
