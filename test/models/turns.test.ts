import { describe, expect, it } from 'vitest';
import { loadRequest } from '../../src/domain/load-request.js';
import { MODEL_IDS } from '../../src/domain/models.js';
import { MODELS } from '../../src/models/index.js';
import { STARTS_PER_TURN } from '../../src/models/support/define-model.js';
import { ManualTransport } from './manual-transport.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// Proven by order, not time: whatever the machine's speed, an immediate scheduled when the load starts
// must run before the load has started all its requests.
describe.each(MODEL_IDS)('%s: a big load never monopolises the event loop', (model) => {
  it('an immediate scheduled when the load starts runs before all its requests have started, and all start in later turns', async () => {
    const requests = 20 * STARTS_PER_TURN;
    const transport = new ManualTransport();
    let startedWhenTheImmediateRan = -1;
    const subscription = MODELS[model].load(transport, loadRequest({ requests, maxInFlight: requests })).subscribe();
    await nextTurn(); // the lesson sets up in a turn of its own; its first attempts start in the next
    setImmediate(() => (startedWhenTheImmediateRan = transport.log.length));
    await nextTurn();
    expect(startedWhenTheImmediateRan).toBeGreaterThan(0);
    expect(startedWhenTheImmediateRan).toBeLessThan(requests);
    for (let turn = 0; turn < 25 && transport.inFlight.length < requests; turn += 1) await nextTurn();
    expect(transport.inFlight).toHaveLength(requests);
    subscription.unsubscribe();
  });

  it('a cancelled load still unwinding its queued attempts does not hold back the next load', async () => {
    const requests = 20 * STARTS_PER_TURN;
    MODELS[model].load(new ManualTransport(), loadRequest({ requests, maxInFlight: requests })).subscribe().unsubscribe();
    const transport = new ManualTransport();
    const subscription = MODELS[model].load(transport, loadRequest({ requests, maxInFlight: requests })).subscribe();
    for (let turn = 0; turn < 3; turn += 1) await nextTurn(); // the cancelled load's turn, this load's setup, its first starts
    expect(transport.log.length).toBeGreaterThan(0);
    subscription.unsubscribe();
  });

  it('cancelled loads still unwinding do not slow the start of a new one', async () => {
    const requests = 20 * STARTS_PER_TURN;
    const cancelled = Array.from({ length: 3 }, () => MODELS[model].load(new ManualTransport(), loadRequest({ requests, maxInFlight: requests })).subscribe());
    for (let turn = 0; turn < 4; turn += 1) await nextTurn(); // the three set up, one per turn, and queue their attempts
    cancelled.forEach((subscription) => subscription.unsubscribe()); // each has hundreds of attempts left to unwind
    const transport = new ManualTransport();
    const subscription = MODELS[model].load(transport, loadRequest({ requests, maxInFlight: requests })).subscribe();
    // Its setup's turn, then 20 turns of 16 starts; taking turns with three unwinding queues would need about 80.
    for (let turn = 0; turn < 20 + 3 && transport.inFlight.length < requests; turn += 1) await nextTurn();
    expect(transport.inFlight).toHaveLength(requests);
    subscription.unsubscribe();
  });

  it('two loads at once start at most STARTS_PER_TURN attempts per turn between them, both progressing', async () => {
    const requests = 4 * STARTS_PER_TURN;
    const transports = [new ManualTransport(), new ManualTransport()];
    const subscriptions = transports.map((transport) => MODELS[model].load(transport, loadRequest({ requests, maxInFlight: requests })).subscribe());
    const started = (): number => transports.reduce((sum, transport) => sum + transport.log.length, 0);
    const perTurn: number[] = [];
    let turnsWhereBothStarted = 0;
    for (let turn = 0; turn < 20 && started() < 2 * requests; turn += 1) {
      const before = transports.map((transport) => transport.log.length);
      await nextTurn();
      const after = transports.map((transport) => transport.log.length);
      perTurn.push(after.reduce((sum, n) => sum + n, 0) - before.reduce((sum, n) => sum + n, 0));
      if (after.every((n, i) => n > (before[i] ?? 0))) turnsWhereBothStarted += 1;
    }
    expect(started()).toBe(2 * requests);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(STARTS_PER_TURN);
    expect(turnsWhereBothStarted).toBeGreaterThanOrEqual(3); // taking turns, not one load after the other
    subscriptions.forEach((subscription) => subscription.unsubscribe());
  });
});
