import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLost, lostCount } from '../../src/domain/lost.js';

describe('lost: answered intact, then ended undelivered by the model', () => {
  it('one request', () => {
    expect(isLost({ arrived: true, delivered: false })).toBe(true);
    expect(isLost({ arrived: true, delivered: true })).toBe(false);
    expect(isLost({ arrived: false, delivered: false })).toBe(false);
  });

  it('over counts: the arrivals beyond the deliveries, among the requests ended undelivered', () => {
    expect(lostCount({ arrived: 3, delivered: 1, undelivered: 2 })).toBe(2);
    expect(lostCount({ arrived: 3, delivered: 1, undelivered: 1 })).toBe(1); // the other arrival is still held by the model
    expect(lostCount({ arrived: 1, delivered: 1, undelivered: 5 })).toBe(0);
  });

  it('counting many requests equals counting them one by one', () => {
    const request = fc.record({ arrived: fc.boolean(), delivered: fc.boolean() }).map((r) => ({ ...r, arrived: r.arrived || r.delivered }));
    fc.assert(
      fc.property(fc.array(request), (requests) => {
        const count = (predicate: (r: (typeof requests)[number]) => boolean) => requests.filter(predicate).length;
        const counts = { arrived: count((r) => r.arrived), delivered: count((r) => r.delivered), undelivered: count((r) => !r.delivered) };
        expect(lostCount(counts)).toBe(count((r) => isLost(r)));
      }),
    );
  });
});
