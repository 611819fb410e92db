import { concat, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from '../../src/domain/events.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { contendersOf } from '../../src/domain/contender.js';
import type { DashboardAction } from '../../src/streams/dashboard-actions.js';
import { downBackoffMs, runRound, scheduleRounds } from '../../src/streams/rounds.js';
import { eventsOf } from './fixtures.js';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const cb = eventsOf('callbacks');
const rx = eventsOf('reactive');

describe('runRound', () => {
  it('runs every model at the same time, ticking until the last load completes', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const loads = { callbacks: cold<ArenaEvent>('-a--b|', { a: cb.start(0, 'perfil'), b: cb.done(4, 0, 1) }), reactive: cold<ArenaEvent>('--c|', { c: rx.start(0, 'perfil') }) };
      const round = runRound(contendersOf(['callbacks', 'reactive']), loadRequest(), (model) => loads[model as 'callbacks' | 'reactive'], scheduler, 3);
      expectObservable(round).toBe('SacTb(E|)', {
        S: { type: 'round-started', at: 0, variant: 'correct' },
        a: { type: 'arena-event', event: cb.start(0, 'perfil'), executor: 'loop' },
        c: { type: 'arena-event', event: rx.start(0, 'perfil'), executor: 'loop' },
        T: { type: 'tick', at: 3 },
        b: { type: 'arena-event', event: cb.done(4, 0, 1), executor: 'loop' },
        E: { type: 'round-ended', at: 5 },
      });
      expectSubscriptions(loads.callbacks.subscriptions).toBe('^----!');
      expectSubscriptions(loads.reactive.subscriptions).toBe('^--!');
    });
  });

  it('aborts every load when the round is unsubscribed', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const load = cold<ArenaEvent>('-----|');
      expectObservable(runRound(contendersOf(['futures']), loadRequest(), () => load, scheduler, 10), '--!').toBe('S', { S: { type: 'round-started', at: 0, variant: 'correct' } });
      expectSubscriptions(load.subscriptions).toBe('^-!');
    });
  });

  it('turns a load that errors (a bug) into a message and still ends the round', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const round = runRound(contendersOf(['futures']), loadRequest({ variant: 'naive' }), () => cold<ArenaEvent>('-#', undefined, new Error('boom')), scheduler, 10);
      expectObservable(round).toBe('S(mE|)', {
        S: { type: 'round-started', at: 0, variant: 'naive' },
        m: { type: 'message', text: 'bug: the futures load failed: boom' },
        E: { type: 'round-ended', at: 1 },
      });
    });
  });

  it('hands each model the round’s request', () => {
    const scheduler = newScheduler();
    const seen: unknown[] = [];
    const request = loadRequest({ requests: 9, variant: 'naive' });
    scheduler.run(({ expectObservable }) => {
      const round = runRound(contendersOf(['callbacks', 'futures']), request, (model, r) => {
        seen.push([model, r]);
        return of<ArenaEvent>();
      }, scheduler);
      expectObservable(round).toBe('(SE|)', { S: { type: 'round-started', at: 0, variant: 'naive' }, E: { type: 'round-ended', at: 0 } });
    });
    expect(seen).toEqual([['callbacks', request], ['futures', request]]);
  });

  it('runs a thread-capable model once per executor, each load on its own executor and its events tagged with it', () => {
    const scheduler = newScheduler();
    const seen: unknown[] = [];
    scheduler.run(({ cold, expectObservable }) => {
      const contenders = contendersOf(['futures', 'reactive'], ['loop', 'threads']);
      const round = runRound(contenders, loadRequest(), (model, r) => {
        seen.push([model, r.executor]);
        return model === 'futures' && r.executor === 'threads' ? cold<ArenaEvent>('-a|', { a: eventsOf('futures').start(0, 'perfil') }) : of<ArenaEvent>();
      }, scheduler, 10);
      expectObservable(round).toBe('Sa(E|)', {
        S: { type: 'round-started', at: 0, variant: 'correct' },
        a: { type: 'arena-event', event: eventsOf('futures').start(0, 'perfil'), executor: 'threads' },
        E: { type: 'round-ended', at: 2 },
      });
    });
    expect(seen).toEqual([['futures', 'loop'], ['futures', 'threads'], ['reactive', 'loop']]);
  });
});

describe('scheduleRounds', () => {
  const marker = (index: number): DashboardAction => ({ type: 'message', text: `round ${index}` });
  const values = { a: marker(0), b: marker(1), c: marker(2), d: marker(3) };

  it('runs one round at once and ignores run requests while a round is going', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, hot, expectObservable }) => {
      const runs = hot('--r-r------r');
      const round = (index: number): Observable<DashboardAction> => cold('-x---|', { x: marker(index) });
      expectObservable(scheduleRounds({ runs, auto: of(false), intervalMs: 3, round, scheduler }), '^ 20ms !').toBe('-a----------b', values);
    });
  });

  it('with auto on, starts the next round the interval after the previous one ENDED', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      // Rounds of 5 ms and then 1 ms: the gap after each end stays 3 ms.
      const round = (index: number): Observable<DashboardAction> => cold(index === 0 ? '-x---|' : '-x|', { x: marker(index) });
      expectObservable(scheduleRounds({ runs: cold(''), auto: of(true), intervalMs: 3, round, scheduler }), '^ 17ms !').toBe('-a-------b----c---', values);
    });
  });

  it('runs at once when auto is turned on while idle, and stops when it is turned off', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, hot, expectObservable }) => {
      const auto = hot('f-------t------f', { f: false, t: true });
      const round = (index: number): Observable<DashboardAction> => cold('-x|', { x: marker(index) });
      expectObservable(scheduleRounds({ runs: cold(''), auto, intervalMs: 3, round, scheduler }), '^ 25ms !').toBe('-a-------b----c', values);
    });
  });
});

describe('scheduleRounds when the target is down', () => {
  const refused = (index: number): ArenaEvent => ({ ...cb.failure(index, 'perfil', 1, 'refused'), message: 'connection refused' });
  const answered = (index: number): ArenaEvent => cb.success(index, 'perfil', 1);
  const eventAction = (event: ArenaEvent): DashboardAction => ({ type: 'arena-event', event });

  /** What the schedule emits until `untilMs`, each as [virtual time, what]: a round's event is `round N`. */
  const timeline = (intervalMs: number, events: (index: number) => readonly ArenaEvent[], untilMs: number): [number, string][] => {
    const scheduler = newScheduler();
    const seen: [number, string][] = [];
    scheduler.run(({ cold }) => {
      const round = (index: number): Observable<DashboardAction> => concat(of(...events(index).map(eventAction)), cold<DashboardAction>('-|'));
      const subscription = scheduleRounds({ runs: cold(''), auto: of(true), intervalMs, round, scheduler }).subscribe((action) => {
        const what = action.type === 'arena-event' && action.event.type !== 'done' ? `round ${action.event.requestId}` : action.type === 'target-down' ? `down: ${action.why}, next in ${action.retryInMs}` : action.type;
        seen.push([scheduler.now(), what]);
      });
      scheduler.schedule(() => subscription.unsubscribe(), untilMs);
    });
    return seen;
  };

  it('backs off after each round where nothing answered (no spin at interval 0), says so, and says when it is back', () => {
    // Rounds 0–2 are refused, then the target answers: gaps of 0.5 s, 1 s, 2 s, then the interval (0) again.
    expect(timeline(0, (index) => [index < 3 ? refused(index) : answered(index)], 3505).slice(0, 9)).toEqual([
      [0, 'round 0'],
      [1, 'down: connection refused, next in 500'],
      [501, 'round 1'],
      [502, 'down: connection refused, next in 1000'],
      [1502, 'round 2'],
      [1503, 'down: connection refused, next in 2000'],
      [3503, 'round 3'],
      [3504, 'target-back'],
      [3504, 'round 4'],
    ]);
  });

  it('keeps the interval when it is longer than the backoff', () => {
    expect(timeline(800, (index) => [refused(index)], 2000)).toEqual([
      [0, 'round 0'],
      [1, 'down: connection refused, next in 800'],
      [801, 'round 1'],
      [802, 'down: connection refused, next in 1000'],
      [1802, 'round 2'],
      [1803, 'down: connection refused, next in 2000'],
    ]);
  });

  it('never calls a round down when anything answered, or when nothing failed', () => {
    expect(timeline(5, (index) => [refused(index), answered(index)], 8)).toEqual([
      [0, 'round 0'],
      [0, 'round 0'],
      [6, 'round 1'],
      [6, 'round 1'],
    ]);
    expect(timeline(5, () => [], 8)).toEqual([]);
  });

  it('waits 0.5 s, doubling, at most 10 s', () => {
    expect([1, 2, 5, 6, 50].map(downBackoffMs)).toEqual([500, 1000, 8000, 10_000, 10_000]);
  });
});
