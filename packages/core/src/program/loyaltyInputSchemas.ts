import { z } from 'zod';
import { timestampSchema } from '../events/eventSchema.ts';
import { LOYALTY_ACTIONS } from './programSchema.ts';

const memberId = z.string().trim().min(1).max(200);
const key = z.string().min(1).max(300);
const points = z.number().int('points are whole numbers').safe();

/**
 * Zod schemas for the loyalty engine's commands, checked at the engine's
 * boundary before anything is read or written.
 *
 * @example
 * ```ts
 * import { loyaltyInputSchemas } from '@memberkit/core';
 * loyaltyInputSchemas.redeem.safeParse({ memberId: 'm1', points: -5, idempotencyKey: 'k' }).success;
 * //=> false
 * ```
 */
export const loyaltyInputSchemas = {
  redeem: z.object({ memberId, points: points.positive(), orderId: z.string().trim().min(1).max(200).optional(), reason: z.string().max(500).optional(), idempotencyKey: key }).strict(),
  adjust: z
    .object({ memberId, points: points.refine((n) => n !== 0, 'an adjustment cannot be 0'), reason: z.string().trim().min(1, 'say why').max(500), idempotencyKey: key })
    .strict(),
  action: z.object({ memberId, action: z.enum(LOYALTY_ACTIONS), ref: z.string().min(1).max(200).optional(), idempotencyKey: key }).strict(),
  override: z.object({ memberId, tierId: z.string().min(1).max(100), reason: z.string().trim().min(1, 'say why').max(500), expiresAt: timestampSchema, idempotencyKey: key }).strict(),
  eventOptions: z.object({ idempotencyKey: key.optional() }).strict(),
} as const;
