import type { EventType } from '../events/eventTypes.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { orderStats, type OrderStats } from '../profile/orderStats.ts';
import type { Profile, StoredEvent, TagAssignment } from '../profile/profile.ts';
import { reviseProfile } from '../profile/reviseProfile.ts';
import { compileRules, ruleNeedsEvaluation } from './compileRules.ts';
import type { ConditionSubject } from './conditionSubject.ts';
import type { RuleTag, Segment } from './ruleDefinition.ts';

// The subject of one pass: it reads the profile as tags change, and order
// statistics (which tags cannot change) are computed at most once. A class,
// not an object literal with closures: one allocation per pass.
class PassSubject implements ConditionSubject {
  private memo: OrderStats | undefined;
  /** The profile as revised so far by this pass (the original until a rule changes it). */
  profile: Profile;
  constructor(
    readonly original: Profile,
    readonly events: readonly StoredEvent[],
    readonly times: readonly number[] | undefined,
    readonly now: number,
  ) {
    this.profile = original;
  }
  stats(): OrderStats {
    return (this.memo ??= orderStats(this.events));
  }
  // Each revision is a new profile with an exact-length tag list (the stored
  // profile keeps it for as long as it lives): a pass changes one rule most
  // of the time, so copying per change costs less than a draft copied twice.
  revise(tags: readonly TagAssignment[], segments: readonly string[]): void {
    this.profile = reviseProfile(this.profile, this.now, this.profile.identities, this.profile.traits, tags, segments);
  }
}

const NONE: readonly string[] = Object.freeze([]);

// The list with one more item, at its exact length (a copy pushed to would
// keep ~16 spare slots for as long as the profile lives).
function appended<T>(list: readonly T[], item: T): T[] {
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i]!;
  out[list.length] = item;
  return out;
}


// Indexed, not for…of: the list is often a new profile's shared frozen empty,
// and V8's optimised code lowers for…of only over arrays of the fast (not
// frozen) kinds; over a frozen one it calls the iterator builtin, which
// allocates an iterator and a result object per call (about 1 KB per ingested
// event over all the rules, a third of what ingest allocated).
function ruleTagOf(tags: readonly TagAssignment[], id: string): TagAssignment | undefined {
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t.tag === id && t.origin === 'rule') return t;
  }
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
 * `times`, when the store keeps them (`listEventTimes`), are the events'
 * timestamps in the same order: window scans read them instead.
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
  times?: readonly number[],
): { profile: Profile; changes: RuleChanges } {
  const all = compileRules(ruleTags, segments);
  // For an ingested event, only the rules its type may affect are candidates.
  const rules = trigger !== undefined && typeof trigger !== 'string' ? all.forType(trigger.type) : all;
  // Change lists start as one-element literals: most passes change one rule,
  // and an array first pushed to reserves ~16 slots.
  let tagsEntered: string[] | undefined;
  let tagsLeft: string[] | undefined;
  const subject = new PassSubject(profile, events, times, now);
  for (const rule of rules.tags) {
    if (!ruleNeedsEvaluation(rule, trigger)) continue;
    const holds = rule.test(subject);
    const existing = ruleTagOf(subject.profile.tags, rule.id);
    if (holds === (existing !== undefined)) continue;
    const tags = subject.profile.tags;
    if (holds) {
      if (tagsEntered === undefined) tagsEntered = [rule.id];
      else tagsEntered.push(rule.id);
      subject.revise(appended(tags, { tag: rule.id, origin: 'rule', at: now }), subject.profile.segments);
    } else {
      if (tagsLeft === undefined) tagsLeft = [rule.id];
      else tagsLeft.push(rule.id);
      subject.revise(tags.filter((t) => t !== existing), subject.profile.segments);
    }
  }
  let segmentsEntered: string[] | undefined;
  let segmentsLeft: string[] | undefined;
  // Segment rules read tags, never segments: the new list is built as the
  // answers come and set once (exact length, additions at the end).
  const before = subject.profile.segments;
  let inNow = before;
  for (const segment of rules.segments) {
    if (!ruleNeedsEvaluation(segment, trigger)) continue;
    const holds = segment.test(subject);
    if (holds === inNow.includes(segment.id)) continue;
    if (holds) {
      inNow = appended(inNow, segment.id);
      if (segmentsEntered === undefined) segmentsEntered = [segment.id];
      else segmentsEntered.push(segment.id);
    } else {
      inNow = inNow.filter((id) => id !== segment.id);
      if (segmentsLeft === undefined) segmentsLeft = [segment.id];
      else segmentsLeft.push(segment.id);
    }
  }
  if (inNow !== before) subject.revise(subject.profile.tags, inNow);
  if (subject.profile === profile) return { profile, changes: NO_RULE_CHANGES };
  return { profile: subject.profile, changes: { tagsEntered: tagsEntered ?? NONE, tagsLeft: tagsLeft ?? NONE, segmentsEntered: segmentsEntered ?? NONE, segmentsLeft: segmentsLeft ?? NONE } };
}
