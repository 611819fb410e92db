import { describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../src/domain/events.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { TransportError, type Transport } from '../../src/domain/transport.js';
import { defineModel } from '../../src/models/support/define-model.js';
import type { Lesson } from '../../src/models/support/load-page.js';
import { ManualTransport, settle } from './manual-transport.js';
import { collect } from './load-harness.js';

const failing: Transport = { get: async (call) => Promise.reject(new TransportError('http', `${call.endpoint} answered 500`, 500)) };
const unused: Lesson = () => undefined;

describe('defineModel, the boundary every lesson crosses', () => {
  it('a naive lesson whose promise rejects with a request failure ends with that failure and the rest discarded', async () => {
    const load = defineModel('async-await', { correct: unused, naive: async (page) => void (await page.get(1, 1)) });
    const events = await collect(load(failing, loadRequest({ variant: 'naive' })));
    expect(events.map((e) => [e.type, 'requestId' in e ? e.requestId : undefined, 'reason' in e ? e.reason : undefined])).toEqual([
      ['start', 1, undefined],
      ['failure', 1, 'http'],
      ['failure', 0, 'discarded'],
      ['failure', 2, 'discarded'],
      ['done', undefined, undefined],
    ]);
  });

  it('an error that is no request failure is a bug: the stream errors', async () => {
    const load = defineModel('futures', { correct: async () => Promise.reject(new Error('bug in the lesson')), naive: unused });
    await expect(collect(load(failing, loadRequest()))).rejects.toThrow('bug in the lesson');
  });

  it('an attempt asked for while the lesson sets up is sent once the setup is over, in a later turn', async () => {
    const transport = new ManualTransport();
    let setUp = false;
    const load = defineModel('callbacks', {
      correct: (page) => {
        void page.get(0, 1).catch(() => undefined);
        expect(transport.log).toEqual([]); // a long setup here would count against its deadline otherwise
        setUp = true;
      },
      naive: unused,
    });
    const subscription = load(transport, loadRequest()).subscribe();
    expect(setUp).toBe(false); // the lesson sets up in a turn of its own
    await settle();
    expect(setUp).toBe(true);
    expect(transport.log).toEqual(['start 0']);
    subscription.unsubscribe();
  });

  it('loads subscribed together set up one per event-loop turn, so I/O (a pressed key) is read between them', async () => {
    const order: string[] = [];
    const lesson = (name: string) => () => void order.push(name);
    const loads = ['a', 'b', 'c'].map((name) => defineModel('callbacks', { correct: lesson(name), naive: unused })(new ManualTransport(), loadRequest()));
    const subscriptions = loads.map((load) => load.subscribe());
    // An immediate queued between two setups shows a turn ended there: the poll phase, where keys are read, comes before the next.
    const marks = (turns: number): Promise<void> =>
      new Promise((resolve) => {
        const mark = (left: number): void => (order.push('|'), left > 1 ? void setImmediate(() => mark(left - 1)) : resolve());
        setImmediate(() => mark(turns));
      });
    await marks(4);
    expect(order.join(' ')).toBe('a | b | c | |');
    subscriptions.forEach((subscription) => subscription.unsubscribe());
  });

  it('a load cancelled before its turn never sets up', async () => {
    let setUp = false;
    const load = defineModel('callbacks', { correct: () => void (setUp = true), naive: unused });
    load(new ManualTransport(), loadRequest()).subscribe().unsubscribe();
    await settle();
    expect(setUp).toBe(false);
  });

  it('after unsubscribing, nothing is emitted and no request is sent', async () => {
    const transport = new ManualTransport();
    const events: LoadEvent[] = [];
    let later: (() => Promise<unknown>) | undefined;
    let tornDown = false;
    const load = defineModel('callbacks', {
      correct: (page) => {
        void page.get(0, 1).catch(() => undefined);
        later = () => page.get(1, 1).catch(() => undefined);
        page.onTeardown(() => (tornDown = true));
      },
      naive: unused,
    });
    const subscription = load(transport, loadRequest()).subscribe((event) => events.push(event));
    await settle(); // the lesson's first attempt starts once it has set up
    subscription.unsubscribe();
    await later?.();
    await settle();
    expect(transport.log).toEqual(['start 0']);
    expect(events.map((e) => e.type)).toEqual(['start']);
    expect(tornDown).toBe(true);
  });
});
