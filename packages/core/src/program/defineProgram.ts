import { MemberkitError, type MemberkitIssue } from '../errors/memberkitError.ts';
import { toMemberkitIssues } from '../errors/parseOrThrow.ts';
import { programSchema, type LoyaltyProgram } from './programSchema.ts';

function issue(path: PropertyKey[], message: string): MemberkitIssue {
  return { path, field: path.map(String).join('.'), code: 'custom', message };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Cross-field checks run on the raw input even when field checks failed, so a
 * caller sees an overlapping ladder and a negative multiplier in one answer.
 */
function crossFieldIssues(input: unknown): MemberkitIssue[] {
  const out: MemberkitIssue[] = [];
  if (!isObj(input)) return out;
  const tiers = isObj(input['tiers']) ? input['tiers'] : undefined;
  const levels = Array.isArray(tiers?.['levels']) ? (tiers['levels'] as unknown[]) : [];
  const seen = new Set<unknown>();
  let previous: number | undefined;
  levels.forEach((raw, i) => {
    if (!isObj(raw)) return;
    const at = ['tiers', 'levels', i];
    if (seen.has(raw['id'])) out.push(issue([...at, 'id'], `duplicate tier id ${String(raw['id'])}`));
    seen.add(raw['id']);
    const threshold = num(raw['threshold']);
    const keep = num(raw['keep']);
    if (i === 0 && threshold !== undefined && threshold !== 0) out.push(issue([...at, 'threshold'], 'the first tier is the entry tier and needs threshold 0'));
    if (threshold !== undefined && previous !== undefined && threshold <= previous) {
      out.push(issue([...at, 'threshold'], `threshold ${threshold} overlaps the tier below (${previous}); thresholds must strictly increase`));
    }
    if (keep !== undefined && threshold !== undefined && keep > threshold) out.push(issue([...at, 'keep'], `keep ${keep} is above the threshold ${threshold}`));
    if (threshold !== undefined) previous = threshold;
  });
  const coupons = Array.isArray(input['coupons']) ? (input['coupons'] as unknown[]) : [];
  const couponIds = new Set(coupons.map((c) => (isObj(c) ? c['id'] : undefined)));
  if (couponIds.size < coupons.length) out.push(issue(['coupons'], 'coupon template ids must be unique'));
  const currency = input['currency'];
  coupons.forEach((c, i) => {
    if (isObj(c) && typeof currency === 'string' && typeof c['currency'] === 'string' && c['currency'] !== currency) {
      out.push(issue(['coupons', i, 'currency'], `coupon currency ${c['currency']} differs from the program currency ${currency}`));
    }
  });
  levels.forEach((raw, i) => {
    const benefits = isObj(raw) && isObj(raw['benefits']) ? raw['benefits'] : undefined;
    const ref = benefits?.['birthdayCouponTemplateId'];
    if (typeof ref === 'string' && !couponIds.has(ref)) out.push(issue(['tiers', 'levels', i, 'benefits', 'birthdayCouponTemplateId'], `no coupon template with id ${ref}`));
  });
  const policy = isObj(input['refundPolicy']) ? input['refundPolicy'] : undefined;
  const floor = num(policy?.['negativeFloor']);
  if (floor !== undefined && floor < 0 && policy?.['whenSpent'] !== 'allow_negative') {
    out.push(issue(['refundPolicy', 'negativeFloor'], 'a negative floor needs whenSpent: allow_negative'));
  }
  return out;
}

/**
 * Validates a loyalty program and returns it frozen with defaults filled in.
 * Every problem is reported at once: field errors (a multiplier below 0, a
 * coupon cap below 0) and ladder errors (overlapping thresholds, keep above
 * threshold, unknown coupon ids) in one `MemberkitError('invalid_config')`.
 *
 * @example
 * ```ts
 * import { defineProgram } from '@memberkit/core';
 * const program = defineProgram({
 *   currency: 'CNY',
 *   tiers: { metric: 'growth', levels: [
 *     { id: 'basic', name: '普通', threshold: 0 },
 *     { id: 'silver', name: '银卡', threshold: 1000, keep: 800, benefits: { pointsMultiplier: 1.2 } },
 *   ] },
 * });
 * program.tiers.levels[1].benefits.pointsMultiplier;
 * //=> 1.2
 * ```
 */
export function defineProgram(input: unknown): LoyaltyProgram {
  const parsed = programSchema.safeParse(input);
  const issues = [...(parsed.success ? [] : toMemberkitIssues(parsed.error.issues)), ...crossFieldIssues(input)];
  if (issues.length > 0 || !parsed.success) {
    const list = issues.map((i) => `${i.field || '(root)'}: ${i.message}`).join('; ');
    throw new MemberkitError('invalid_config', `Invalid loyalty program (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${list}`, { issues });
  }
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (isObj(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
