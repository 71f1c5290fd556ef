import type { Profile, StoredEvent, TagAssignment } from '../profile/profile.ts';
import { compileCondition } from './compileCondition.ts';
import { orderStats, type OrderStats } from '../profile/orderStats.ts';
import type { ConditionSubject } from './conditionSubject.ts';
import type { RuleTag, Segment } from './ruleDefinition.ts';
import type { EventType } from '../events/eventTypes.ts';
import { ruleTriggers } from './ruleTriggers.ts';
import type { Condition } from './condition.ts';

// With a trigger, only rules that event can affect are evaluated.
function affected(rule: Condition, trigger: EventType | undefined): boolean {
  if (trigger === undefined) return true;
  const triggers = ruleTriggers(rule);
  return triggers === null || triggers.has(trigger);
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
 * changed. With `trigger` (the type of the event just ingested), rules that
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
  trigger?: EventType,
): { profile: Profile; changes: RuleChanges } {
  const tagsEntered: string[] = [];
  const tagsLeft: string[] = [];
  let current: Profile = profile;
  let stats: OrderStats | undefined;
  // One subject for the whole pass: it reads the profile as tags change, and
  // order statistics (which tags cannot change) are computed at most once.
  const subject: ConditionSubject = {
    get profile() {
      return current;
    },
    events,
    now,
    stats: () => (stats ??= orderStats(events)),
  };
  for (const rule of ruleTags) {
    if (!affected(rule.rule, trigger)) continue;
    const holds = compileCondition(rule.rule)(subject);
    const existing = current.tags.find((t) => t.tag === rule.id && t.origin === 'rule');
    if (holds === (existing !== undefined)) continue;
    const tags: readonly TagAssignment[] = holds ? [...current.tags, { tag: rule.id, origin: 'rule', at: now }] : current.tags.filter((t) => t !== existing);
    (holds ? tagsEntered : tagsLeft).push(rule.id);
    current = { ...current, tags };
  }
  const segmentsEntered: string[] = [];
  const segmentsLeft: string[] = [];
  let inNow: Set<string> | undefined;
  for (const segment of segments) {
    if (!affected(segment.rule, trigger)) continue;
    const holds = compileCondition(segment.rule)(subject);
    if (holds === current.segments.includes(segment.id) && inNow === undefined) continue;
    inNow ??= new Set(current.segments);
    if (holds && !inNow.has(segment.id)) {
      inNow.add(segment.id);
      segmentsEntered.push(segment.id);
    } else if (!holds && inNow.has(segment.id)) {
      inNow.delete(segment.id);
      segmentsLeft.push(segment.id);
    }
  }
  if (segmentsEntered.length + segmentsLeft.length > 0) current = { ...current, segments: [...inNow!] };
  if (current !== profile) current = { ...current, updatedAt: now };
  return { profile: current, changes: { tagsEntered, tagsLeft, segmentsEntered, segmentsLeft } };
}
