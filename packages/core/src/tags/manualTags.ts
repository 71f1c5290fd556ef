import { z } from 'zod';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import type { MemberkitContext } from '../profile/memberkitContext.ts';
import type { Profile } from '../profile/profile.ts';
import { applyRules, NO_RULE_CHANGES, type RuleChanges } from '../segments/applyRules.ts';
import { liveProfile } from '../profile/liveProfile.ts';

const tagInput = z.object({
  tag: z.string().trim().min(1).max(100),
  by: z.string().trim().min(1).max(200),
  reason: z.string().max(2000).optional(),
});

/**
 * Who tags, with what and why (R-TAG-2: customer service tagging a shopper
 * during a chat).
 *
 * @example
 * ```ts
 * import type { ManualTagInput } from '@memberkit/core';
 * const t: ManualTagInput = { tag: '高意向', by: 'guide_007', reason: 'tried on size M twice' };
 * ```
 */
export type ManualTagInput = z.input<typeof tagInput>;

/**
 * Adds a manual tag (idempotent: tagging again changes nothing) and
 * re-evaluates rules that may depend on it. A merged-away id is followed to
 * its survivor.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * // await mk.tag('prof_1', { tag: 'vip-service', by: 'cs_042', reason: 'complaint' });
 * ```
 */
export async function tagProfile(ctx: MemberkitContext, profileId: string, input: ManualTagInput): Promise<{ profile: Profile; changes: RuleChanges }> {
  const { tag, by, reason } = parseOrThrow(tagInput, input, 'invalid_input', 'tag');
  return ctx.store.transaction(async (tx) => {
    const p = await liveProfile(tx, profileId);
    if (p.tags.some((t) => t.tag === tag && t.origin === 'manual')) return { profile: p, changes: NO_RULE_CHANGES };
    const now = ctx.clock.now();
    const tagged: Profile = { ...p, updatedAt: now, tags: [...p.tags, { tag, origin: 'manual', at: now, by, ...(reason === undefined ? {} : { reason }) }] };
    const ruled = applyRules(tagged, await tx.listEvents(p.id), now, ctx.ruleTags, ctx.segments);
    await tx.putProfile(ruled.profile);
    return { profile: ruled.profile, changes: { ...ruled.changes, tagsEntered: [tag, ...ruled.changes.tagsEntered] } };
  });
}

/**
 * Removes a manual tag (rule tags follow their rules and cannot be removed
 * by hand). Removing a tag that is not there changes nothing.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit();
 * // await mk.untag('prof_1', 'vip-service');
 * ```
 */
export async function untagProfile(ctx: MemberkitContext, profileId: string, tag: string): Promise<{ profile: Profile; changes: RuleChanges }> {
  return ctx.store.transaction(async (tx) => {
    const p = await liveProfile(tx, profileId);
    if (!p.tags.some((t) => t.tag === tag && t.origin === 'manual')) return { profile: p, changes: NO_RULE_CHANGES };
    const now = ctx.clock.now();
    const untagged: Profile = { ...p, updatedAt: now, tags: p.tags.filter((t) => !(t.tag === tag && t.origin === 'manual')) };
    const ruled = applyRules(untagged, await tx.listEvents(p.id), now, ctx.ruleTags, ctx.segments);
    await tx.putProfile(ruled.profile);
    return { profile: ruled.profile, changes: { ...ruled.changes, tagsLeft: [tag, ...ruled.changes.tagsLeft] } };
  });
}
