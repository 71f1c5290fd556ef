import type { EventType } from '../events/eventTypes.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { orderStats, type OrderStats } from '../profile/orderStats.ts';
import type { Profile, StoredEvent, TagAssignment } from '../profile/profile.ts';
import { compileRules, ruleNeedsEvaluation } from './compileRules.ts';
import type { ConditionSubject } from './conditionSubject.ts';
import type { RuleTag, Segment } from './ruleDefinition.ts';

// The pass's own copy of the profile: nobody else holds it until returned.
type Draft = Omit<Profile, 'tags' | 'segments' | 'updatedAt'> & { tags: TagAssignment[]; segments: readonly string[]; updatedAt: number };

// The subject of one pass: it reads the profile as tags change, and order
// statistics (which tags cannot change) are computed at most once. A class,
// not an object literal with closures: one allocation per pass.
class PassSubject implements ConditionSubject {
  private memo: OrderStats | undefined;
  /** At most one copy of the profile per pass, edited in place until returned. */
  draft: Draft | undefined;
  profile: Profile;
  constructor(
    private readonly original: Profile,
    readonly events: readonly StoredEvent[],
    readonly now: number,
  ) {
    this.profile = original;
  }
  stats(): OrderStats {
    return (this.memo ??= orderStats(this.events));
  }
  edit(): Draft {
    if (this.draft === undefined) {
      this.draft = { ...this.original, tags: [...this.original.tags], segments: this.original.segments, updatedAt: this.now };
      this.profile = this.draft;
    }
    return this.draft;
  }
}

const NONE: readonly string[] = Object.freeze([]);


function ruleTagOf(tags: readonly TagAssignment[], id: string): TagAssignment | undefined {
  for (const t of tags) if (t.tag === id && t.origin === 'rule') return t;
  return undefined;
}

/**
 * What changed for one profile when rules were evaluated.
 *
 * @example
 * ```ts
 * import type { RuleChanges } from '@memberkit/core';
 * const none: RuleChanges = { tagsEntered: [], tagsLeft: [], segmentsEntered: [], segmentsLeft: [] };
 * ```
 */
export interface RuleChanges {
  readonly tagsEntered: readonly string[];
  readonly tagsLeft: readonly string[];
  readonly segmentsEntered: readonly string[];
  readonly segmentsLeft: readonly string[];
}

/**
 * No rule changed: what ingest answers for a duplicate and tagging for a no-op.
 *
 * @example
 * ```ts
 * import { NO_RULE_CHANGES } from '@memberkit/core';
 * NO_RULE_CHANGES.tagsEntered;
 * //=> []
 * ```
 */
export const NO_RULE_CHANGES: RuleChanges = Object.freeze({ tagsEntered: [], tagsLeft: [], segmentsEntered: [], segmentsLeft: [] });

/**
 * Evaluates rule tags (in definition order, so a later rule may use an
 * earlier tag through `hasTag`) and then segments for one profile, and
 * returns the updated profile with what entered and left. Manual tags are
 * never removed by rules. Returns the same profile object when nothing
 * changed. With `trigger` (the event just ingested, or only its type), rules that
 * event cannot affect keep their last answer (see {@link ruleTriggers}).
 *
 * @example
 * ```ts
 * import { applyRules } from '@memberkit/core';
 * const p = { id: 'p', createdAt: 0, updatedAt: 0, identities: [], traits: {}, tags: [], segments: [], attributes: { tier: 'gold' } };
 * applyRules(p, [], 0, [{ id: 'gold', kind: 'static', rule: { field: 'attributes.tier', op: 'eq', value: 'gold' } }], []).changes.tagsEntered;
 * //=> ['gold']
 * ```
 */
export function applyRules(
  profile: Profile,
  events: readonly StoredEvent[],
  now: number,
  ruleTags: readonly RuleTag[],
  segments: readonly Segment[],
  trigger?: EventType | MemberkitEvent,
): { profile: Profile; changes: RuleChanges } {
  const all = compileRules(ruleTags, segments);
  // For an ingested event, only the rules its type may affect are candidates.
  const rules = trigger !== undefined && typeof trigger !== 'string' ? all.forType(trigger.type) : all;
  // Change lists start as one-element literals: most passes change one rule,
  // and an array first pushed to reserves ~16 slots.
  let tagsEntered: string[] | undefined;
  let tagsLeft: string[] | undefined;
  const subject = new PassSubject(profile, events, now);
  for (const rule of rules.tags) {
    if (!ruleNeedsEvaluation(rule, trigger)) continue;
    const holds = rule.test(subject);
    const existing = ruleTagOf(subject.profile.tags, rule.id);
    if (holds === (existing !== undefined)) continue;
    if (holds) {
      if (tagsEntered === undefined) tagsEntered = [rule.id];
      else tagsEntered.push(rule.id);
      subject.edit().tags.push({ tag: rule.id, origin: 'rule', at: now });
    } else {
      if (tagsLeft === undefined) tagsLeft = [rule.id];
      else tagsLeft.push(rule.id);
      const tags = subject.edit().tags;
      tags.splice(tags.indexOf(existing!), 1);
    }
  }
  let segmentsEntered: string[] | undefined;
  let segmentsLeft: string[] | undefined;
  let inNow: Set<string> | undefined;
  for (const segment of rules.segments) {
    if (!ruleNeedsEvaluation(segment, trigger)) continue;
    const holds = segment.test(subject);
    if (inNow === undefined && holds === subject.profile.segments.includes(segment.id)) continue;
    inNow ??= new Set(subject.profile.segments);
    if (holds && !inNow.has(segment.id)) {
      inNow.add(segment.id);
      if (segmentsEntered === undefined) segmentsEntered = [segment.id];
      else segmentsEntered.push(segment.id);
    } else if (!holds && inNow.has(segment.id)) {
      inNow.delete(segment.id);
      if (segmentsLeft === undefined) segmentsLeft = [segment.id];
      else segmentsLeft.push(segment.id);
    }
  }
  if (segmentsEntered || segmentsLeft) subject.edit().segments = [...inNow!];
  const { draft } = subject;
  if (draft === undefined) return { profile, changes: NO_RULE_CHANGES };
  // The stored profile keeps its tag list for as long as it lives: an exact
  // copy, not the pushed-to list with its ~16 spare slots.
  draft.tags = draft.tags.slice();
  return { profile: draft, changes: { tagsEntered: tagsEntered ?? NONE, tagsLeft: tagsLeft ?? NONE, segmentsEntered: segmentsEntered ?? NONE, segmentsLeft: segmentsLeft ?? NONE } };
}
