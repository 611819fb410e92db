import type { Scenario } from './scenario-schema.js';

/** The page's usual latencies: every model waits on the same server. */
const pageLatency = {
  productos: { ms: 20, jitterMs: 5 },
  categorias: { ms: 15, jitterMs: 5 },
  perfil: { ms: 10, jitterMs: 5 },
} as const;

/**
 * The scenarios that ship with the tool, each with enough repetitions for a paired verdict. Each
 * finishes in about a minute or less with its default runs, except `scale`, which sweeps the number
 * of requests per load into the thousands (minutes).
 */
export const BUILTIN_SCENARIOS: readonly Scenario[] = [
  {
    name: 'baseline',
    description: 'no faults: what each model costs on the EcoMarket page',
    runs: 20,
    warmup: 3,
    variant: 'both',
    latency: pageLatency,
  },
  {
    name: 'categorias-timeout',
    description: 'the seed question: /categorias never answers; who keeps /productos and /perfil?',
    runs: 10,
    warmup: 1,
    variant: 'both',
    client: { deadlineMs: 250 },
    latency: pageLatency,
    faults: { categorias: { kind: 'timeout' } },
  },
  {
    name: 'flaky-with-retries',
    description: 'half of /productos answers 503 and a third of /perfil resets; three retries with backoff',
    runs: 12,
    warmup: 2,
    variant: 'both',
    client: { retries: 3, backoff: { baseMs: 10, maxMs: 80 } },
    latency: pageLatency,
    faults: { productos: { kind: 'error', status: 503, probability: 0.5 }, perfil: { kind: 'reset', probability: 0.3 } },
  },
  {
    name: 'connection-reset',
    description: '/perfil resets the connection before answering; no retries',
    runs: 12,
    warmup: 2,
    variant: 'both',
    latency: pageLatency,
    faults: { perfil: { kind: 'reset' } },
  },
  {
    name: 'malformed-json',
    description: '/productos answers 200 with invalid JSON',
    runs: 12,
    warmup: 2,
    variant: 'both',
    latency: pageLatency,
    faults: { productos: { kind: 'malformed' } },
  },
  {
    name: 'slow-body',
    description: '/categorias sends headers at once and dribbles its body for 1.5 s; the 400 ms total deadline must cut it',
    runs: 10,
    warmup: 1,
    variant: 'both',
    client: { deadlineMs: 400 },
    latency: pageLatency,
    faults: { categorias: { kind: 'slow-body', ms: 1500 } },
  },
  {
    name: 'outage-and-recovery',
    description: '/categorias answers 503 for the first 5 runs, then recovers (a scheduled fault change)',
    runs: 10,
    warmup: 1,
    variant: 'both',
    latency: pageLatency,
    faults: { categorias: { kind: 'error', status: 503 } },
    schedule: [{ atRun: 5, faults: { categorias: { kind: 'none' } } }],
  },
  {
    name: 'scale',
    description: 'requests per load from 3 to 10 000, at most 100 in flight: how time per request grows',
    // 10 repetitions: the fewest that give a paired verdict (MIN_PAIRS); fewer read "too few runs".
    runs: 10,
    warmup: 1,
    variant: 'correct',
    concurrency: [3, 100, 1000, 10_000],
    client: { deadlineMs: 10_000, maxInFlight: 100 },
    latency: { productos: { ms: 5, jitterMs: 2 }, categorias: { ms: 5, jitterMs: 2 }, perfil: { ms: 5, jitterMs: 2 } },
  },
  {
    name: 'cpu-bound',
    description: '20 ms of CPU work on each of 30 responses, 4 in flight: callbacks and futures on the event loop and on worker threads (a pool started inside each load), against async-await and reactive',
    // Each load starts its own pool (the seed's `with ThreadPoolExecutor`), so its total time includes the threads' start-up; the cost table gives that start-up apart.
    // 12 repetitions: six contenders make 30 comparisons per metric, and Holm over 30 needs at least 11 pairs before any can be "faster".
    runs: 12,
    warmup: 1,
    variant: 'correct',
    concurrency: [30],
    executors: ['loop', 'threads'],
    workMs: 20,
    client: { maxInFlight: 4, deadlineMs: 5_000 },
    latency: { productos: { ms: 20 }, categorias: { ms: 20 }, perfil: { ms: 20 } },
  },
];

/** The built-in scenario of that name, if any. */
export const findBuiltinScenario = (name: string): Scenario | undefined => BUILTIN_SCENARIOS.find((s) => s.name === name);
