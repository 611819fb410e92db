import { setTimeout as sleep } from 'node:timers/promises';
import { isObservable, Observable, type Subscription } from 'rxjs';
import type { LoadEvent } from '../../domain/events.js';
import type { ModelId, Variant } from '../../domain/models.js';
import type { TransportResponse } from '../../domain/transport.js';
import { seededRandom } from '../../domain/random.js';
import { TurnBudget, TurnQueue } from '../../transport/turn-queue.js';
import { unitsForMs } from '../runtime/cpu-work-units.js';
import { withCpuWork } from '../runtime/request-executor.js';
import { backoffDelay } from './backoff.js';
import { LoadEvents } from './load-events.js';
import type { LoadFn } from './load-fn.js';
import type { Lesson, LoadPage } from './load-page.js';
import { loadThreadPool } from './load-thread-pool.js';
import { requestEndpoint } from './request-endpoint.js';

/**
 * Most attempts the loads of this process start in one event-loop turn, all together. A lesson starts
 * up to maxInFlight requests in one go (at the start of the load, and again when a storm of deadlines
 * frees every slot at once); at ~0.3 ms of CPU per axios start, the dashboard's 4 loads of 2 000 held
 * the event loop for seconds, and its keys waited behind them. The rest start in the next turns, with
 * timers and I/O in between. It bounds when attempts start, not how many are in flight: a turn is short
 * when the CPU has little else to do. Each load keeps its own queue ({@link TurnQueue}, its own order)
 * on this one budget, and the loads with attempts waiting take turns. A cancelled load's queue moves to
 * a budget of its own: it unwinds its queued attempts (each rejects in its turn) as fast as before,
 * and never takes turns with the live loads' starts. One budget for the
 * process, not 16 per load: the dashboard runs four to six loads at once, and a check phase that
 * started 16 per load through axios set the event loop's p99 at scale (`npm run bench:dashboard`);
 * a single load, as `run` and `compare` make, is bounded as before.
 */
export const STARTS_PER_TURN = 16;

const startBudget = new TurnBudget(STARTS_PER_TURN);

/**
 * A load's own queue of starts on the process-wide budget of {@link STARTS_PER_TURN} per turn: what
 * every model's attempts go through, and the raw-transport load's calls too, so that the baseline
 * differs from the models by the model alone (started in bursts instead, axios's synchronous request
 * set-up held back the reading of responses, and that baseline ran slower than the models).
 */
export const loadStartQueue = (): TurnQueue => new TurnQueue(startBudget);

/**
 * Lessons set up one per event-loop turn, process-wide. A lesson's setup is one synchronous stretch
 * (queuing 100 000 requests: 0.1–0.6 s per model); the dashboard starts four loads at once, and set up
 * back to back they held a pressed `q` for seconds. Here each waits for the turn after the I/O that
 * is ready (keys included) has been read.
 */
const setups = new TurnQueue(1);

/** Several events (a naive load's abandon), not one; `Array.isArray` alone does not narrow a readonly array. */
const isEventList = (made: LoadEvent | readonly LoadEvent[]): made is readonly LoadEvent[] => Array.isArray(made);

/**
 * The one boundary between a model's lessons and the arena: turns a correct and a naive {@link Lesson}
 * into a {@link LoadFn}. It owns the Observable, stamps every event (`at` = ms since the load
 * started), emits `start` and `retry` for the calls a lesson makes, starts attempts at most
 * {@link STARTS_PER_TURN} per event-loop turn, all loads together (the others wait their turn, so a
 * big load never monopolises the event loop), drops everything after the subscriber has gone, aborts what
 * is in flight on teardown, ends the load with `done`, and remembers which request each transport
 * error came from, so a naive variant's one error path can be reported request by request.
 *
 * It also runs the load where `request.executor` says: on `threads` (callbacks and futures only), every
 * attempt `page.get` makes runs on a worker thread of the load's own pool, started inside the load and
 * destroyed before `done` (or on cancel), as Python's `with ThreadPoolExecutor(...)`; retries, backoff and
 * the lesson's own code stay on the main thread. `request.workMs` of CPU work is done on each response
 * where it arrives: inside the worker on `threads`, on the event loop otherwise.
 *
 * Progress (`start`, `retry`) comes from the calls every lesson makes (`page.get`, `page.backoff`), never
 * as values of a lesson's own stream: mixed into the reactive lesson's results it would need a filter
 * before every operator that collects them (`forkJoin` keeps each source's last value). The deadline is
 * the transport's, the same total deadline for every model.
 *
 * @example
 * export const loadWithAsyncAwait = defineModel('async-await', { correct: loadPage, naive: loadPageOrNothing });
 */
export const defineModel =
  (model: ModelId, lessons: Readonly<Record<Variant, Lesson>>): LoadFn =>
  (transport, request) =>
    new Observable<LoadEvent>((subscriber) => {
      const events = new LoadEvents(model, request.requests);
      const workUnits = unitsForMs(request.workMs ?? 0);
      const pool = request.executor === 'threads' ? loadThreadPool(model, transport, request.maxInFlight) : undefined;
      const timed = pool && transport.onThreads ? events.timed(transport.onThreads(pool, workUnits)) : withCpuWork(events.timed(transport), workUnits);
      const random = seededRandom(request.seed);
      const controller = new AbortController();
      const { signal } = controller;
      const failedRequest = new WeakMap<object, number>();
      const starts = loadStartQueue();
      // The attempts a lesson asks for while it sets up start once it has: queuing 100 000 requests takes
      // longer than a deadline on a busy machine, and an attempt started before that would time out
      // waiting for this same synchronous stretch to end (seen: the first 64 of 100 000, every run).
      let settingUp = true;
      const teardowns: (() => void)[] = [];
      let inner: Subscription | undefined;

      /** Emits what `make` builds unless the subscriber has gone; a throw there is a bug and errors the stream. */
      const emit = (make: () => LoadEvent | readonly LoadEvent[]): void => {
        if (subscriber.closed) return;
        try {
          const made = make();
          if (isEventList(made)) for (const event of made) subscriber.next(event);
          else subscriber.next(made);
        } catch (bug) {
          subscriber.error(bug);
        }
      };

      /** Sends attempt `attempt` of request `requestId` now (its turn has come). */
      const send = (requestId: number, attempt: number): Promise<TransportResponse> => {
        if (signal.aborted) return Promise.reject(signal.reason);
        emit(() => events.start(requestId, attempt));
        return timed.get({ endpoint: requestEndpoint(requestId), requestId, deadlineMs: request.deadlineMs, signal }).catch((error: unknown) => {
          if (typeof error === 'object' && error !== null) failedRequest.set(error, requestId);
          throw error;
        });
      };

      const page: LoadPage = {
        request,
        requestIds: Array.from({ length: request.requests }, (_, requestId) => requestId),
        // Through the turns even once cancelled: a lesson's queue of thousands then unwinds a turn at a time, not in one microtask chain.
        get: (requestId, attempt) => (settingUp ? starts.scheduleAfterIo(() => send(requestId, attempt)) : starts.schedule(() => send(requestId, attempt))),
        backoff: (requestId, attempt, error) => {
          const delayMs = backoffDelay(attempt, request.backoff, random);
          emit(() => events.retry(requestId, error, delayMs));
          return delayMs;
        },
        sleep: (ms) => sleep(ms, undefined, { signal }),
        later: (ms, callback) => {
          const cancel = (): void => clearTimeout(timer);
          const timer = setTimeout(() => (signal.removeEventListener('abort', cancel), callback()), ms);
          signal.addEventListener('abort', cancel, { once: true });
        },
        show: (requestId, response) => emit(() => events.success(requestId, response)),
        showError: (requestId, error) => emit(() => events.failure(requestId, error)),
        showErrorPage: (error) =>
          emit(() => {
            const requestId = typeof error === 'object' && error !== null ? failedRequest.get(error) : undefined;
            if (requestId === undefined) throw error; // not a request's failure: a bug
            return events.abandon(requestId, error);
          }),
        finish: () => {
          const end = (): void => {
            emit(() => events.done(pool?.cost()));
            subscriber.complete();
          };
          if (pool) void pool.destroy().then(end, end); // the load ends once its threads have exited
          else end();
        },
        onTeardown: (teardown) => void teardowns.push(teardown),
      };
      const endWithErrorPage = (error: unknown): void => {
        page.showErrorPage(error);
        page.finish();
      };

      /** Runs the lesson (its synchronous setup, then what it returns) unless the load was cancelled while it waited. */
      const setUp = (): void => {
        if (signal.aborted) return;
        const ending = lessons[request.variant](page);
        settingUp = false;
        if (isObservable(ending)) {
          inner = ending.subscribe({
            next: (result) => ('response' in result ? page.show(result.requestId, result.response) : page.showError(result.requestId, result.error)),
            error: endWithErrorPage,
            complete: page.finish,
          });
        } else if (ending instanceof Promise) {
          ending.then(page.finish, endWithErrorPage);
        }
      };
      setups.scheduleAfterIo(setUp).catch((bug: unknown) => subscriber.error(bug));
      return () => {
        controller.abort();
        starts.moveTo(new TurnBudget(STARTS_PER_TURN)); // what it unwinds no longer takes turns with the live loads' starts
        inner?.unsubscribe();
        teardowns.forEach((teardown) => teardown());
        pool?.destroy().catch(() => undefined); // threads still running are terminated
      };
    });
