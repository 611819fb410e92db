import type { Endpoint } from '../../src/domain/endpoints.js';
import type { ArenaEvent, ArrivalEvent, DoneEvent, FailureEvent, FailureReason, RetryEvent, StartEvent, SuccessEvent } from '../../src/domain/events.js';
import type { ModelId } from '../../src/domain/models.js';

/** Builders of a model's events, for tests. */
export const eventsOf = (model: ModelId) => ({
  start: (requestId: number, endpoint: Endpoint, at = 0, attempt = 1): StartEvent => ({ type: 'start', model, requestId, endpoint, attempt, at }),
  arrived: (requestId: number, endpoint: Endpoint, at: number): ArrivalEvent => ({ type: 'arrived', model, requestId, endpoint, at }),
  success: (requestId: number, endpoint: Endpoint, at: number, items = 10, attempt = 1): SuccessEvent => ({ type: 'success', model, requestId, endpoint, attempt, at, latencyMs: at, status: 200, items }),
  failure: (requestId: number, endpoint: Endpoint, at: number, reason: FailureReason, status?: number): FailureEvent => ({ type: 'failure', model, requestId, endpoint, attempt: 1, at, latencyMs: at, reason, status, message: reason }),
  retry: (requestId: number, endpoint: Endpoint, at: number, attempt = 1): RetryEvent => ({ type: 'retry', model, requestId, endpoint, attempt, at, delayMs: 10, reason: 'http' }),
  done: (totalMs: number, delivered: number, failed: number): DoneEvent => ({ type: 'done', model, at: totalMs, totalMs, delivered, failed }),
});

/** The events of one model's correct load of the EcoMarket page with /categorias timing out at 1000 ms. */
export const correctWithCategoriasTimeout = (model: ModelId): ArenaEvent[] => {
  const e = eventsOf(model);
  return [
    e.start(0, 'productos'),
    e.start(1, 'categorias'),
    e.start(2, 'perfil'),
    e.arrived(0, 'productos', 50),
    e.success(0, 'productos', 50, 20),
    e.arrived(2, 'perfil', 52),
    e.success(2, 'perfil', 52, 1),
    e.failure(1, 'categorias', 1000, 'timeout'),
    e.done(1000, 2, 1),
  ];
};

/** Productos and perfil arrive at 50 and 52 ms and nothing is delivered yet; /categorias times out at 1000 ms. */
const twoArriveThenCategoriasTimesOut = (e: ReturnType<typeof eventsOf>): ArenaEvent[] => [
    e.start(0, 'productos'),
    e.start(1, 'categorias'),
    e.start(2, 'perfil'),
    e.arrived(0, 'productos', 50),
    e.arrived(2, 'perfil', 52),
    e.failure(1, 'categorias', 1000, 'timeout'),
];

/** The events of a naive load (fail-fast): productos and perfil arrived, the model delivered neither. */
export const naiveWithCategoriasTimeout = (model: ModelId): ArenaEvent[] => {
  const e = eventsOf(model);
  return [
    ...twoArriveThenCategoriasTimesOut(e),
    e.failure(0, 'productos', 1000, 'discarded'),
    e.failure(2, 'perfil', 1000, 'discarded'),
    e.done(1000, 0, 3),
  ];
};

/** The events of a load where all three endpoints answer. */
export const allOk = (model: ModelId, latencies: readonly [number, number, number] = [50, 48, 52]): ArenaEvent[] => {
  const e = eventsOf(model);
  const [p, c, f] = latencies;
  return [
    e.start(0, 'productos'),
    e.start(1, 'categorias'),
    e.start(2, 'perfil'),
    e.arrived(0, 'productos', p),
    e.success(0, 'productos', p, 20),
    e.arrived(1, 'categorias', c),
    e.success(1, 'categorias', c, 5),
    e.arrived(2, 'perfil', f),
    e.success(2, 'perfil', f, 1),
    e.done(Math.max(p, c, f), 3, 0),
  ];
};

/** Gather (all at once): productos and perfil arrive at 50 ms and are held until /categorias times out at 1000 ms. */
export const gatherWithCategoriasTimeout = (model: ModelId): ArenaEvent[] => {
  const e = eventsOf(model);
  return [
    ...twoArriveThenCategoriasTimesOut(e),
    e.success(0, 'productos', 1000, 20),
    e.success(2, 'perfil', 1000, 1),
    e.done(1000, 2, 1),
  ];
};
