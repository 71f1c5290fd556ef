import { MemberkitError } from './errors/memberkitError.ts';
import type { IdentifierKind } from './events/eventTypes.ts';
import { normalizeIdentifier } from './identity/normalizeIdentifier.ts';
import { unmergeProfiles } from './identity/unmergeProfiles.ts';
import { systemClock, type Clock } from './ports/clock.ts';
import { sequentialIds, type IdGenerator } from './ports/idGenerator.ts';
import type { ProfileStore } from './ports/profileStore.ts';
import { ingestBatch, ingestEvent, type BatchItemResult, type IngestResult } from './profile/ingestEvent.ts';
import type { MemberkitContext } from './profile/memberkitContext.ts';
import type { MergeRecord, Profile } from './profile/profile.ts';
import { profileView, type ProfileView } from './profile/profileView.ts';
import { evaluateAll, type BatchEvaluation } from './segments/evaluateAll.ts';
import { defineRuleTag, defineSegment, type RuleTag, type Segment } from './segments/ruleDefinition.ts';
import { memoryStore } from './store/memoryStore.ts';
import { liveProfile } from './profile/liveProfile.ts';
import type { RfmRow } from './rfm/computeRfm.ts';
import { refreshRfm } from './rfm/refreshRfm.ts';
import type { RfmOptions } from './rfm/rfmOptions.ts';
import { tagProfile, untagProfile, type ManualTagInput } from './tags/manualTags.ts';
import { applyRules, type RuleChanges } from './segments/applyRules.ts';

/**
 * Options for {@link createMemberkit}; every one has a default.
 *
 * @example
 * ```ts
 * import { manualClock, memoryStore, type MemberkitOptions } from '@memberkit/core';
 * const options: MemberkitOptions = { store: memoryStore(), clock: manualClock('2026-01-01T00:00:00Z'), defaultCountryCode: '86' };
 * ```
 */
export interface MemberkitOptions {
  /** Default: a new {@link memoryStore}. */
  readonly store?: ProfileStore;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: sequential ids (`prof_1`, `merge_1`). */
  readonly ids?: IdGenerator;
  /** Country calling code for phone numbers without one. Default `'86'`. */
  readonly defaultCountryCode?: string;
  readonly ruleTags?: readonly RuleTag[];
  readonly segments?: readonly Segment[];
  /** Time zone for hour-of-day preferences. Default `Asia/Shanghai`. */
  readonly timeZone?: string;
}

/**
 * The profile side of memberkit, bound to a store, a clock and rules.
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk: ReturnType<typeof createMemberkit> = createMemberkit();
 * ```
 */
export interface Memberkit {
  readonly context: MemberkitContext;
  /** Validates, dedupes and attributes one event; see {@link ingestEvent}. */
  ingest(event: unknown): Promise<IngestResult>;
  /** Ingests a batch in one transaction; a bad event is rejected alone. See {@link ingestBatch}. */
  ingestBatch(events: readonly unknown[]): Promise<BatchItemResult[]>;
  /** Ingests events in order; stops at the first invalid one, keeping those before it. */
  ingestMany(events: Iterable<unknown> | AsyncIterable<unknown>): Promise<IngestResult[]>;
  getProfile(profileId: string): Promise<Profile | undefined>;
  /** The live profile an identifier belongs to (cleaned first: any phone format works). */
  findProfile(kind: IdentifierKind, value: string): Promise<Profile | undefined>;
  /** The 360° view; throws `not_found`. Merged-away ids lead to the survivor. */
  view(profileId: string): Promise<ProfileView>;
  tag(profileId: string, input: ManualTagInput): Promise<{ profile: Profile; changes: RuleChanges }>;
  untag(profileId: string, tag: string): Promise<{ profile: Profile; changes: RuleChanges }>;
  merges(profileId: string): Promise<readonly MergeRecord[]>;
  unmerge(mergeId: string): Promise<{ survivor: Profile; restored: Profile }>;
  /** Scores every profile by RFM into `attributes.rfm`; see {@link refreshRfm}. */
  refreshRfm(options: RfmOptions): Promise<RfmRow[]>;
  /** Batch evaluation of all rule tags and segments; see {@link evaluateAll}. */
  evaluateAll(): Promise<BatchEvaluation>;
}

/**
 * Creates the profile engine: identity resolution, events, tags, segments
 * and the 360° view over a store (the in-memory store by default).
 *
 * @example
 * ```ts
 * import { createMemberkit } from '@memberkit/core';
 * const mk = createMemberkit({
 *   ruleTags: [{ id: 'baby-interest', kind: 'dynamic', rule: { event: 'product_viewed', where: { category: 'baby' }, within: { last: 7, unit: 'day' }, count: { op: 'gte', value: 3 } } }],
 * });
 * await mk.ingest({ id: 'e1', type: 'product_viewed', timestamp: Date.now(), anonymousId: 'dev-1', properties: { productId: 'p1', category: 'baby' } });
 * const profile = await mk.findProfile('anonymousId', 'dev-1');
 * ```
 */
export function createMemberkit(options: MemberkitOptions = {}): Memberkit {
  const context: MemberkitContext = {
    store: options.store ?? memoryStore(),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? sequentialIds(),
    defaultCountryCode: options.defaultCountryCode ?? '86',
    ruleTags: (options.ruleTags ?? []).map(defineRuleTag),
    segments: (options.segments ?? []).map(defineSegment),
  };
  for (const [field, list] of [['ruleTags', context.ruleTags], ['segments', context.segments]] as const) {
    const ids = list.map((r) => r.id);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate !== undefined) throw new MemberkitError('invalid_config', `Duplicate ${field} id ${duplicate}`, { field });
  }
  const { store } = context;

  return {
    context,
    ingest: (event) => ingestEvent(context, event),
    ingestBatch: (events) => ingestBatch(context, events),
    async ingestMany(events) {
      const results: IngestResult[] = [];
      for await (const e of events) results.push(await ingestEvent(context, e));
      return results;
    },
    getProfile: (id) => store.getProfile(id),
    async findProfile(kind, value) {
      const id = await store.findProfileId(kind, normalizeIdentifier(kind, value, { defaultCountryCode: context.defaultCountryCode }));
      return id === undefined ? undefined : liveProfile(store, id);
    },
    async view(profileId) {
      const p = await liveProfile(store, profileId);
      return profileView(p, await store.listEvents(p.id), options.timeZone === undefined ? {} : { timeZone: options.timeZone });
    },
    tag: (id, input) => tagProfile(context, id, input),
    untag: (id, tag) => untagProfile(context, id, tag),
    merges: (id) => store.listMerges(id),
    unmerge: (mergeId) =>
      store.transaction(async (tx) => {
        const now = context.clock.now();
        const { survivor, restored } = await unmergeProfiles(tx, mergeId, now);
        // Each side's rule tags and segments follow its own history again.
        const rerun = async (p: Profile): Promise<Profile> => {
          const { profile } = applyRules(p, await tx.listEvents(p.id), now, context.ruleTags, context.segments);
          if (profile !== p) await tx.putProfile(profile);
          return profile;
        };
        return { survivor: await rerun(survivor), restored: await rerun(restored) };
      }),
    evaluateAll: () => evaluateAll(context),
    refreshRfm: (rfmOptions) => refreshRfm(context, rfmOptions),
  };
}
