import { filter, map, of, throwError, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/domain/endpoints.js';
import type { ArenaEvent } from '../../src/domain/events.js';
import type { FaultSpec } from '../../src/domain/fault-spec.js';
import { loadRequest, type LoadRequest } from '../../src/domain/load-request.js';
import type { Command } from '../../src/streams/commands.js';
import type { DashboardAction } from '../../src/streams/dashboard-actions.js';
import { NO_CONTROL_MESSAGE, type DashboardSettings } from '../../src/streams/dashboard-state.js';
import { SCALE_FRAME_MS } from '../../src/streams/frame-throttle.js';
import { dashboardActions, dashboardState, type FaultControl } from '../../src/streams/dashboard-stream.js';
import { panelTotals } from '../../src/streams/model-panel.js';
import { keyToCommand } from '../../src/streams/keymap.js';
import { correctWithCategoriasTimeout } from './fixtures.js';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const settings: DashboardSettings = { target: 'http://127.0.0.1:1', models: ['reactive'], request: loadRequest(), auto: false, intervalMs: 1000, size: { columns: 80, rows: 24 } };
const keys: Record<string, Command> = Object.fromEntries([...'12tlcnr0?'].map((key) => [key, keyToCommand(key)!]));
const noLoad = (): Observable<ArenaEvent> => of();
const ofTypes =
  (...types: DashboardAction['type'][]) =>
  (action: DashboardAction) =>
    types.includes(action.type);

describe('dashboardActions', () => {
  it('applies fault keys through the control and shows each change once it is confirmed', () => {
    const scheduler = newScheduler();
    const calls: Array<[Endpoint, FaultSpec] | 'clear'> = [];
    scheduler.run(({ hot, cold, expectObservable }) => {
      const faults: FaultControl = {
        setFault: (endpoint, fault) => {
          calls.push([endpoint, fault]);
          return cold<void>('--|');
        },
        clearFaults: () => {
          calls.push('clear');
          return of(undefined);
        },
      };
      const commands = hot<Command>('-c--2t---0', keys);
      const actions = dashboardActions({ commands }, settings, { load: noLoad, faults, scheduler }).pipe(filter(ofTypes('fault-changed', 'selected')));
      expectObservable(actions).toBe('---As--C-D', {
        A: { type: 'fault-changed', op: { type: 'set', endpoint: 'categorias', fault: { kind: 'timeout' } } },
        s: { type: 'selected', endpoint: 'categorias' },
        C: { type: 'fault-changed', op: { type: 'set', endpoint: 'categorias', fault: { kind: 'timeout' } } },
        D: { type: 'fault-changed', op: { type: 'clear' } },
      });
    });
    // `c` sets the case (timeout on /categorias); `2` then `t` put a timeout on the selected /categorias; `0` clears all.
    expect(calls).toEqual([['categorias', { kind: 'timeout' }], ['categorias', { kind: 'timeout' }], 'clear']);
  });

  it('starts from the faults already in force on the server', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const faults: FaultControl = { setFault: () => of(undefined), clearFaults: () => of(undefined) };
      const withCase = { ...settings, faults: { productos: { kind: 'none' }, categorias: { kind: 'timeout' }, perfil: { kind: 'none' } } } as const;
      const actions = dashboardActions({ commands: hot<Command>('-c', keys) }, withCase, { load: noLoad, faults, scheduler }).pipe(filter(ofTypes('fault-changed')));
      expectObservable(actions).toBe('-a', { a: { type: 'fault-changed', op: { type: 'set', endpoint: 'categorias', fault: { kind: 'none' } } } });
    });
  });

  it('applies fault changes in key order even when the control is slow', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, cold, expectObservable }) => {
      const faults: FaultControl = { setFault: () => cold<void>('---|'), clearFaults: () => of(undefined) };
      const actions = dashboardActions({ commands: hot<Command>('-ll', keys) }, settings, { load: noLoad, faults, scheduler }).pipe(filter(ofTypes('fault-changed')));
      expectObservable(actions).toBe('----a--b', {
        a: { type: 'fault-changed', op: { type: 'set', endpoint: 'productos', fault: { kind: 'latency', ms: 500 } } },
        b: { type: 'fault-changed', op: { type: 'set', endpoint: 'productos', fault: { kind: 'latency', ms: 1000 } } },
      });
    });
  });

  it('says fault keys are disabled when the target has no control API', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const actions = dashboardActions({ commands: hot<Command>('-t-r', keys) }, settings, { load: noLoad, scheduler }).pipe(filter(ofTypes('message', 'fault-changed')));
      expectObservable(actions).toBe('-m', { m: { type: 'message', text: NO_CONTROL_MESSAGE } });
    });
  });

  it('reports a fault the control refused as a message, and keeps going', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const faults: FaultControl = { setFault: () => throwError(() => new Error('HTTP 500')), clearFaults: () => of(undefined) };
      const actions = dashboardActions({ commands: hot<Command>('-t-0', keys) }, settings, { load: noLoad, faults, scheduler }).pipe(filter(ofTypes('message', 'fault-changed')));
      expectObservable(actions).toBe('-m-c', { m: { type: 'message', text: 'fault not applied: HTTP 500' }, c: { type: 'fault-changed', op: { type: 'clear' } } });
    });
  });

  it('runs the next round with the variant toggled by `n`, with a fresh seed per round', () => {
    const scheduler = newScheduler();
    const requests: LoadRequest[] = [];
    scheduler.run(({ hot, cold, expectObservable }) => {
      const load = (_: unknown, request: LoadRequest) => {
        requests.push(request);
        return cold<ArenaEvent>('-|');
      };
      const actions = dashboardActions({ commands: hot<Command>('-----n--r', keys) }, settings, { load, scheduler }).pipe(filter(ofTypes('round-started', 'variant-changed')));
      expectObservable(actions).toBe('(vS)-n--N', {
        v: { type: 'variant-changed', variant: 'correct' },
        S: { type: 'round-started', at: 0, variant: 'correct' },
        n: { type: 'variant-changed', variant: 'naive' },
        N: { type: 'round-started', at: 8, variant: 'naive' },
      });
    });
    expect(requests.map((r) => [r.variant, r.seed])).toEqual([['correct', 1], ['naive', 2]]);
  });
});

describe('dashboardState', () => {
  it('shows the initial state at once, then at most one state per frame, ending on the settled round', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const events = correctWithCategoriasTimeout('reactive');
      const load = () => cold<ArenaEvent>('-(abcdefghi|)', Object.fromEntries(events.map((event, i) => [String.fromCharCode(97 + i), event])));
      const states = dashboardState({ commands: cold<Command>('') }, settings, { load, scheduler, frameMs: 5 });
      const summary = states.pipe(map((s) => `${s.round}:${s.running ? 'running' : 'idle'}:${panelTotals(s.panels[0]!).delivered}`));
      expectObservable(summary, '^ 20ms !').toBe('i----r', { i: '0:idle:0', r: '1:idle:2' });
    });
  });

  it('at scale, draws at most one frame per SCALE_FRAME_MS by default, however often the state changes', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold }) => {
      const load = () => cold<ArenaEvent>(`- ${'1ms a '.repeat(300)}|`, { a: { type: 'start', model: 'reactive', requestId: 0, endpoint: 'productos', path: '/api/productos', attempt: 1, at: 0 } as ArenaEvent });
      const states = dashboardState({ commands: cold<Command>('') }, { ...settings, request: loadRequest({ requests: 30 }) }, { load, scheduler });
      const frames: number[] = [];
      states.subscribe(() => frames.push(scheduler.now()));
      scheduler.flush();
      const gaps = frames.slice(1).map((at, i) => at - (frames[i] as number));
      expect(frames.length).toBeGreaterThan(2);
      expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(SCALE_FRAME_MS);
    });
  });
});
