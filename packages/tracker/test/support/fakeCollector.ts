import type { MemberkitEvent } from '@memberkit/core';

/** A scripted collector for unit tests: answers with the next status and records bodies. */
export function fakeCollector(statuses: Array<number | { status: number; retryAfter?: string }> = []) {
  const bodies: Array<{ writeKey: string; sentAt: number; batch: MemberkitEvent[] }> = [];
  const send = async (body: string) => {
    bodies.push(JSON.parse(body) as (typeof bodies)[number]);
    const s = statuses.shift() ?? 200;
    return typeof s === 'number' ? { status: s } : s;
  };
  return { send, bodies, events: () => bodies.flatMap((b) => b.batch) };
}
