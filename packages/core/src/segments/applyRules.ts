import type { Profile, StoredEvent, TagAssignment } from '../profile/profile.ts';
import { conditionSubject, evaluateCondition } from './evaluateCondition.ts';
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
  let tags: readonly TagAssignment[] = profile.tags;
  let current: Profile = profile;
  const subject = () => conditionSubject(current, events, now);
  let s = subject();
  for (const rule of ruleTags) {
    if (!affected(rule.rule, trigger)) continue;
    const holds = evaluateCondition(rule.rule, s);
    const existing = tags.find((t) => t.tag === rule.id && t.origin === 'rule');
    if (holds && !existing) {
      tags = [...tags, { tag: rule.id, origin: 'rule', at: now }];
      tagsEntered.push(rule.id);
    } else if (!holds && existing) {
      tags = tags.filter((t) => t !== existing);
      tagsLeft.push(rule.id);
    } else continue;
    current = { ...current, tags };
    s = subject();
  }
  const segmentsEntered: string[] = [];
  const segmentsLeft: string[] = [];
  const inNow = new Set(current.segments);
  for (const segment of segments) {
    if (!affected(segment.rule, trigger)) continue;
    const holds = evaluateCondition(segment.rule, s);
    if (holds && !inNow.has(segment.id)) {
      inNow.add(segment.id);
      segmentsEntered.push(segment.id);
    } else if (!holds && inNow.has(segment.id)) {
      inNow.delete(segment.id);
      segmentsLeft.push(segment.id);
    }
  }
  if (segmentsEntered.length + segmentsLeft.length > 0) current = { ...current, segments: [...inNow] };
  if (current !== profile) current = { ...current, updatedAt: now };
  return { profile: current, changes: { tagsEntered, tagsLeft, segmentsEntered, segmentsLeft } };
}
