import type { IdentifierKind } from '../events/eventTypes.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';

/**
 * One identifier linked to a profile, normalised (phone in E.164, email
 * lower-case).
 *
 * @example
 * ```ts
 * import type { ProfileIdentity } from '@memberkit/core';
 * const id: ProfileIdentity = { kind: 'phone', value: '+8613812345678', linkedAt: 0 };
 * ```
 */
export interface ProfileIdentity {
  readonly kind: IdentifierKind;
  readonly value: string;
  readonly linkedAt: number;
}

/**
 * A tag on a profile: set by staff (`manual`, with who and why) or by a rule
 * tag definition (`rule`). Both are queried the same way (R-TAG-2).
 *
 * @example
 * ```ts
 * import type { TagAssignment } from '@memberkit/core';
 * const t: TagAssignment = { tag: 'vip-service', origin: 'manual', at: 0, by: 'cs_042', reason: 'complained about delivery' };
 * ```
 */
export interface TagAssignment {
  readonly tag: string;
  readonly origin: 'manual' | 'rule';
  readonly at: number;
  readonly by?: string;
  readonly reason?: string;
}

/**
 * Basic facts about a person (R-PROF-3), as last reported.
 *
 * @example
 * ```ts
 * import type { ProfileTraits } from '@memberkit/core';
 * const traits: ProfileTraits = { name: '张女士', gender: 'female', city: '上海' };
 * ```
 */
export type ProfileTraits = Readonly<Record<string, string | number | boolean | null>>;

/**
 * The stored part of a person's profile. Everything behavioural (order
 * statistics, sources, preferred hour) is derived from their events, so
 * merges and unmerges cannot leave it stale.
 *
 * @example
 * ```ts
 * import type { Profile } from '@memberkit/core';
 * const p: Profile = { id: 'prof_1', createdAt: 0, updatedAt: 0, identities: [], traits: {}, tags: [], segments: [], attributes: {} };
 * ```
 */
export interface Profile {
  readonly id: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly identities: readonly ProfileIdentity[];
  readonly traits: ProfileTraits;
  readonly tags: readonly TagAssignment[];
  /** Ids of the segments this profile is in, as of the last evaluation. */
  readonly segments: readonly string[];
  /** Values other parts maintain: `tier`, `rfm`, custom fields. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Set on a profile that was merged away: the survivor's id. */
  readonly mergedInto?: string;
}

/**
 * An event as stored: the canonical event plus the profile it is attributed to.
 *
 * @example
 * ```ts
 * import type { StoredEvent } from '@memberkit/core';
 * const e: StoredEvent = { id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', source: 'client', properties: {}, profileId: 'prof_1' };
 * ```
 */
export type StoredEvent = MemberkitEvent & { readonly profileId: string };

/**
 * The record of one merge, enough to undo it exactly (R-PROF-1).
 *
 * @example
 * ```ts
 * import type { MergeRecord } from '@memberkit/core';
 * declare const m: MergeRecord;
 * m.survivorId;
 * ```
 */
export interface MergeRecord {
  readonly id: string;
  readonly at: number;
  readonly survivorId: string;
  readonly mergedId: string;
  /** The identifier that proved the two are one person. */
  readonly reason: { readonly kind: IdentifierKind; readonly value: string; readonly eventId?: string };
  readonly survivorBefore: Profile;
  readonly mergedBefore: Profile;
  readonly movedEventIds: readonly string[];
  readonly undoneAt?: number;
}
