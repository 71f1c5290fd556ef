import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/idGenerator.ts';
import type { ProfileStore } from '../ports/profileStore.ts';
import type { RuleTag, Segment } from '../segments/ruleDefinition.ts';

/**
 * Everything the profile operations need, injected: the store, the clock,
 * id generation, identifier cleaning options and the active rules.
 *
 * @example
 * ```ts
 * import { memoryStore, systemClock, sequentialIds, type MemberkitContext } from '@memberkit/core';
 * const ctx: MemberkitContext = { store: memoryStore(), clock: systemClock, ids: sequentialIds(), defaultCountryCode: '86', ruleTags: [], segments: [] };
 * ```
 */
export interface MemberkitContext {
  readonly store: ProfileStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Country calling code for phone numbers written without one. */
  readonly defaultCountryCode: string;
  readonly ruleTags: readonly RuleTag[];
  readonly segments: readonly Segment[];
}
