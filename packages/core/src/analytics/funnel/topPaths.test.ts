import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { topPaths } from './topPaths.ts';

describe('topPaths', () => {
  const visits: [string, string[]][] = [
    ['s1', ['home', 'category', 'product', 'checkout']],
    ['s2', ['home', 'category', 'product', 'checkout']],
    ['s3', ['home', 'home', 'search', 'product']],
    ['s4', ['home', 'search', 'product']],
    ['s5', ['product']],
  ];
  const events = visits.flatMap(([actorId, path]) => path.map((step, i) => ({ actorId, at: i, step })));

  it('ranks whole paths by count, collapsing repeats', () => {
    expect(topPaths(events)).toEqual([
      { path: ['home', 'category', 'product', 'checkout'], count: 2, share: 0.4 },
      { path: ['home', 'search', 'product'], count: 2, share: 0.4 },
      { path: ['product'], count: 1, share: 0.2 },
    ]);
  });

  it('cuts paths at maxSteps, so long tails share a prefix', () => {
    expect(topPaths(events, { maxSteps: 1, limit: 1 })).toEqual([{ path: ['home'], count: 4, share: 0.8 }]);
  });

  it('rejects a bad limit', () => {
    expect(() => topPaths(events, { limit: 0 })).toThrow(MemberkitError);
  });
});
