import { MemberkitError } from '../errors/memberkitError.ts';
import { parseEvent, type MemberkitEvent } from './memberkitEvent.ts';

/**
 * Validates an event built from a foreign payload (Segment, GA4) with
 * {@link parseEvent}, and when it fails re-throws the `invalid_event` error
 * with `field` spelled the way the foreign payload spells it
 * (`properties.order_id`, not `properties.orderId`), keeping the canonical
 * path in `details.canonicalField`.
 *
 * @example
 * ```ts
 * import { parseMappedEvent } from './parseMappedEvent.ts';
 * parseMappedEvent({ id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: {} }, (f) => f).type;
 * //=> 'signed_in'
 * ```
 */
export function parseMappedEvent(input: unknown, foreignField: (canonicalField: string) => string): MemberkitEvent {
  try {
    return parseEvent(input);
  } catch (error) {
    if (!(error instanceof MemberkitError) || error.field === undefined) throw error;
    const field = foreignField(error.field);
    throw new MemberkitError(error.code, error.message.replace(error.field, field), {
      field,
      issues: error.issues,
      details: { ...error.details, canonicalField: error.field },
      cause: error,
    });
  }
}
