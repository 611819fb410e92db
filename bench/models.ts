/**
 * Benchmark: the four correct models against a raw baseline, on each transport (axios and undici).
 *
 * 1. Wall time of one load of N requests (N = 3, 1000, 10000) against the mock server (zero latency,
 *    no faults) running in a child process, with the CLI's heap setting: the median of several
 *    runs (each run times one transport's contenders, then the other's, ordered by a row of a
 *    Williams design; twice as many runs below N = 10000), and its ratio to the baseline ON THE SAME
 *    TRANSPORT — a plain `Promise.all` over `transport.get` calls, bounded to the same maxInFlight by a
 *    pool of workers. Goals: each model ≤ 1.10× at N ≥ 1000, each check met, missed or inconclusive by
 *    a one-sided test of its paired ratios (ratio-goal.ts); the undici baseline ≥ 3× the axios
 *    baseline's throughput at N = 10000.
 * 2. Pure model overhead: the same loads over an in-process transport that resolves at once, in ns per
 *    request (N = 3 and 10000), minus nothing: the baseline row shows the floor.
 * 3. Peak RSS of one load of 10000 requests with the default maxInFlight, each model and transport in
 *    a fresh child process, with the heap setting bin/async-arena.js applies. Goal: ≤ 200 MB.
 *
 * Prints the tables and rewrites the `bench-models` section of docs/benchmarks.md (not with --no-doc).
 *
 * Usage: npm run bench:models -- [--runs N] [--transports axios,undici] [--no-doc]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { lastValueFrom } from 'rxjs';
import { rawTransportLoad } from '../src/arena/raw-transport-load.js';
import { DEFAULT_LOAD_REQUEST, loadRequest, type LoadRequest } from '../src/domain/load-request.js';
import { isModelId, MODEL_IDS, type ModelId } from '../src/domain/models.js';
import { seededRandom } from '../src/domain/random.js';
import { median } from '../src/compare/stats/descriptive.js';
import { ALPHA } from '../src/compare/stats/paired-comparison.js';
import { formatP } from '../src/compare/report/cells.js';
import { judgeRatioGoal, type RatioGoalCheck, type RatioGoalOutcome } from '../src/compare/stats/ratio-goal.js';
import { isTransportKind, TRANSPORT_KINDS, type Transport, type TransportKind, type TransportResponse } from '../src/domain/transport.js';
import { MODELS } from '../src/models/index.js';
import { startServerProcess, uniformLatency } from '../src/server/index.js';
import { createTransport, type HttpTransport } from '../src/transport/create-transport.js';
import { BENCH_SECTIONS, machineLine, markdownTable, verdict, writeBenchSection } from './bench-doc.js';
import { williamsOrders } from '../src/compare/williams-design.js';
import { CLI_HEAP_FLAG } from './cli-heap-flag.js';
import { runSchedule } from './run-schedule.js';

/**
 * A reference, not a goal's baseline: the raw baseline that also keeps every response until the load
 * ends, as `gather` and the futures lesson do. What it adds to the baseline is the cost of holding the
 * responses alone (the collector copying and marking them), with no model.
 */
const HOLDING = 'baseline holding responses';
type Contender = ModelId | 'baseline' | typeof HOLDING;
const CONTENDERS: readonly Contender[] = ['baseline', HOLDING, ...MODEL_IDS];
/**
 * The contenders timed on `kind`. The holding reference runs on undici only: there a request costs
 * the least, so holding the responses weighs the most, and axios's loads of 10 000 take seconds each,
 * which would take the command past five minutes.
 */
const contendersOf = (kind: TransportKind): readonly Contender[] => (kind === 'undici' ? CONTENDERS : CONTENDERS.filter((c) => c !== HOLDING));
const isContender = (value: string): value is Contender => value === 'baseline' || value === HOLDING || isModelId(value);

/** `transport`, with every response it resolves pushed onto `held`. */
const holding = (transport: Transport, held: TransportResponse[]): Transport => ({
  get: (call) =>
    transport.get(call).then((response) => {
      held.push(response);
      return response;
    }),
});
const RSS_FLAG = '--rss-child';

/** Runs one load to completion and returns its wall time in ms. */
const timeLoad = async (contender: Contender, transport: Transport, request: LoadRequest): Promise<number> => {
  const started = performance.now();
  if (contender === 'baseline') await rawTransportLoad(transport)(request); // compare's raw-transport load: no model, no events
  else if (contender === HOLDING) await rawTransportLoad(holding(transport, []))(request);
  else await lastValueFrom(MODELS[contender].load(transport, request));
  return performance.now() - started;
};

/** Wall times of one size, per transport and contender. */
type WallTimes = Map<TransportKind, Map<Contender, number>>;
/** Each run's load time over that run's baseline on the same transport, keyed `transport/contender`. */
type RatioSamples = ReadonlyMap<string, readonly number[]>;

/**
 * The CLI's heap setting, as bin/async-arena.js applies it, and no forced GC between loads: the CLI
 * never forces one, and after each forced GC (`gc()` before every load, as this benchmark did) V8
 * optimized the same functions again at every load (`--trace-opt` counted more than twice as many
 * optimizations), so short loads measured the optimizing compiler, the models' larger code the most
 * (the commit has the figures). A full GC before each load also spared the models, at N = 10 000, the
 * collections of the garbage their previous load left in the old generation, which `compare` pays.
 */
setFlagsFromString(CLI_HEAP_FLAG);

/**
 * Median wall time (ms), client CPU time (µs per request: user + system of this process, the server
 * being in another) and median PAIRED ratio to the baseline (each run's load over that run's baseline
 * on the same transport, as bench:server does) per transport and contender. After one untimed load
 * of each contender on each transport (of each baseline only with `warmBaselinesOnly`: every contender
 * has run many loads at the smaller sizes by then, and what a first load of a new size pays is the
 * heap's growth), the runs follow {@link runSchedule}: each times every contender on one transport,
 * then on the other (which goes first alternates), so that drift hits both transports alike; the
 * transports in `halfRuns` only in every other run. Within a transport each run orders the contenders
 * by a row of a Williams design, as `compare` does: over whole blocks each contender runs after each
 * other equally often, and the garbage a load leaves falls on all of them alike (alternating one fixed
 * order made the baseline, the load that leaves the least, follow itself in two runs of five). A
 * paired ratio also cancels what drifts between runs; the speedup between the transports is paired
 * too, over the runs that time both (`speedups`: axios's baseline over undici's).
 * CPU time stretches less than wall time on a shared machine.
 */
const medianTimes = async (
  transports: ReadonlyMap<TransportKind, Transport>,
  request: LoadRequest,
  runs: number,
  { halfRuns = new Set<TransportKind>(), warmBaselinesOnly = false } = {},
): Promise<{ wall: WallTimes; cpu: WallTimes; ratios: RatioSamples; speedups: number[] }> => {
  const pairs = [...transports.keys()].flatMap((kind) => contendersOf(kind).map((contender) => [kind, contender] as const));
  const walls = new Map(pairs.map(([kind, contender]) => [`${kind}/${contender}`, [] as number[]]));
  const cpus = new Map(pairs.map(([kind, contender]) => [`${kind}/${contender}`, [] as number[]]));
  const kinds = [...transports.keys()];
  for (const [kind, transport] of transports) for (const contender of warmBaselinesOnly ? ['baseline' as const] : contendersOf(kind)) await timeLoad(contender, transport, request); // untimed
  const speedups: number[] = [];
  for (const blocks of runSchedule(kinds, contendersOf, runs, halfRuns, () => seededRandom(runs))) {
    const baselines = new Map<TransportKind, number>();
    for (const { kind, order } of blocks) {
      const transport = transports.get(kind) as Transport;
      for (const contender of order) {
        const before = process.cpuUsage();
        const wall = await timeLoad(contender, transport, request);
        const used = process.cpuUsage(before);
        walls.get(`${kind}/${contender}`)?.push(wall);
        cpus.get(`${kind}/${contender}`)?.push((used.user + used.system) / request.requests);
        if (contender === 'baseline') baselines.set(kind, wall);
      }
    }
    const [axios, undici] = [baselines.get('axios'), baselines.get('undici')];
    if (axios !== undefined && undici !== undefined) speedups.push(axios / undici);
  }
  const ratios = new Map(
    pairs.map(([kind, contender]) => {
      const baseline = walls.get(`${kind}/baseline`) ?? [];
      return [`${kind}/${contender}`, (walls.get(`${kind}/${contender}`) ?? []).map((time, run) => time / (baseline[run] ?? Number.NaN))];
    }),
  );
  const medians = (samples: Map<string, number[]>): WallTimes =>
    new Map(kinds.map((kind) => [kind, new Map(contendersOf(kind).map((c) => [c, median(samples.get(`${kind}/${c}`) ?? [])]))]));
  return { wall: medians(walls), cpu: medians(cpus), ratios, speedups };
};

/** An in-process transport that answers at once: what remains is the model's own cost. */
const instantTransport = (): Transport => {
  const response: TransportResponse = { status: 200, data: [], items: 0 };
  return { get: () => Promise.resolve(response) };
};

/** ns per request of the pure model (median over runs, each run `loads` loads of N). */
const overheadNs = async (requests: number, loads: number, runs: number): Promise<Map<Contender, number>> => {
  const transport = instantTransport();
  const request = loadRequest({ requests });
  const samples = new Map<Contender, number[]>(CONTENDERS.map((c) => [c, []]));
  // Each run in a row of a Williams design: a fixed order let whatever ran before favour one contender.
  for (const [run, order] of williamsOrders(CONTENDERS, runs + 1, seededRandom(requests)).entries()) {
    for (const contender of order) {
      let total = 0;
      for (let load = 0; load < loads; load += 1) total += await timeLoad(contender, transport, request);
      if (run > 0) samples.get(contender)?.push((total * 1e6) / (loads * requests)); // run 0 warms up
    }
  }
  return new Map([...samples].map(([c, values]) => [c, median(values)]));
};

/** The child side of the RSS measurement: one load of 10000, then print the peak RSS in bytes. */
const rssChild = async (contender: Contender, kind: TransportKind, url: string): Promise<void> => {
  const transport = createTransport({ kind, baseUrl: url });
  await timeLoad(contender, transport, loadRequest({ requests: 10_000, deadlineMs: 30_000 }));
  transport.close();
  process.stdout.write(`${process.resourceUsage().maxRSS * 1024}\n`);
};

/** Peak RSS of one contender's 10000-request load, measured in a fresh process started with `v8Flags`. */
const peakRss = async (contender: Contender, kind: TransportKind, url: string, v8Flags: readonly string[]): Promise<number> => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, [...v8Flags, '--import', tsx, fileURLToPath(import.meta.url), RSS_FLAG, contender, kind, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`the RSS child for ${contender} exited with code ${code}`);
  return Number(output.trim());
};

/** 10000 → `10 000`. */
const count = (n: number): string => n.toLocaleString('en-US').replace(/,/g, ' ');
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratioCell = (value: number, ratio: number): string => `${ms(value)} ms ${ratio.toFixed(2)}×`;
const SIZES = [3, 1000, 10_000] as const;
const RATIO_GOAL = 1.1;
const SPEEDUP_GOAL = 3;
const RSS_GOAL_MB = 200;
/**
 * Runs at N = 10 000 by default: the ratio goal has 16 checks (two transports, four models, N = 1 000
 * and 10 000), and Holm calls nothing missed unless the smallest p has 16 · 2⁻ⁿ < 0.05, so n ≥ 9
 * (then any check can be missed, whatever its rank; see ratio-goal.ts). axios at N = 10 000 runs every
 * other run (5), which can call its checks met (only if all five ratios are below 1.10) but never
 * missed (four checks with p ≥ 2⁻⁵: Holm multiplies the first of them by at least 4; `--runs 17`
 * gives them 9): its loads, about 2 s each, would otherwise take the command past five minutes on
 * this 2-core machine, and the report says which checks cannot be missed.
 */
const DEFAULT_RUNS = 9;
/** Runs below N = 10 000, per run at N = 10 000: those loads are short, and noisier. */
const SMALL_LOAD_RUNS = 2;

/** Everything one run measured. */
interface Figures {
  readonly runs: number;
  readonly kinds: readonly TransportKind[];
  readonly wall: ReadonlyMap<number, WallTimes>;
  /** Paired ratios to the baseline, per size. */
  readonly ratios: ReadonlyMap<number, RatioSamples>;
  /** Client CPU µs per request at N = 10 000. */
  readonly cpu10k: WallTimes;
  /** Paired speedups at N = 10 000: each run's axios baseline over its undici baseline. */
  readonly speedups10k: readonly number[];
  readonly overhead3: ReadonlyMap<Contender, number>;
  readonly overhead10k: ReadonlyMap<Contender, number>;
  readonly rss: ReadonlyMap<string, number>;
}

const wallOf = (f: Figures, size: number, kind: TransportKind, contender: Contender): number => f.wall.get(size)?.get(kind)?.get(contender) ?? Number.NaN;
const ratiosOf = (f: Figures, size: number, kind: TransportKind, contender: Contender): readonly number[] => f.ratios.get(size)?.get(`${kind}/${contender}`) ?? [];
const ratioOf = (f: Figures, size: number, kind: TransportKind, contender: Contender): number => median(ratiosOf(f, size, kind, contender));

/** The tables and the goals, as markdown: what the command prints and what docs/benchmarks.md gets. */
const report = (f: Figures): string => {
  const rows = f.kinds.flatMap((kind) =>
    contendersOf(kind).map((c) => [
      kind,
      c,
      ...SIZES.map((n) => ratioCell(wallOf(f, n, kind, c), ratioOf(f, n, kind, c))),
      (f.cpu10k.get(kind)?.get(c) ?? Number.NaN).toFixed(0),
      `${((f.rss.get(`${kind}/${c}`) ?? Number.NaN) / 1e6).toFixed(0)} MB`,
    ]),
  );
  const overheadRows = CONTENDERS.map((c) => [c, (f.overhead3.get(c) ?? Number.NaN).toFixed(0), (f.overhead10k.get(c) ?? Number.NaN).toFixed(0)]);
  const goalCells = f.kinds.flatMap((kind) => MODEL_IDS.flatMap((model) => SIZES.filter((n) => n >= 1000).map((n) => ({ kind, model, n }))));
  const judged = judgeRatioGoal(
    goalCells.map(({ kind, model, n }) => ratiosOf(f, n, kind, model)),
    RATIO_GOAL,
  );
  const goalRows = goalCells.map(({ kind, model, n }, i) => {
    const check = judged[i] as RatioGoalCheck;
    return [kind, model, count(n), `${ratioOf(f, n, kind, model).toFixed(2)}×`, `${check.centre.toFixed(2)}×`, String(check.pairs), formatP(check.pBelow), formatP(check.pAboveHolm), check.outcome];
  });
  const named = (outcome: RatioGoalOutcome): string =>
    goalCells
      .filter((_, i) => judged[i]?.outcome === outcome)
      .map(({ kind, model, n }) => `${model} on ${kind} at N = ${count(n)}`)
      .join(', ');
  // The holding reference, judged alone (a family of one: no Holm) and in no goal: where it sits against the limit.
  const WHERE: Record<RatioGoalOutcome, string> = { met: 'below the limit', missed: 'above the limit', inconclusive: 'neither' };
  const referenceRows = f.kinds
    .filter((kind) => contendersOf(kind).includes(HOLDING))
    .flatMap((kind) =>
      SIZES.filter((n) => n >= 1000).map((n) => {
        const [check] = judgeRatioGoal([ratiosOf(f, n, kind, HOLDING)], RATIO_GOAL) as [RatioGoalCheck];
        return [kind, `*${HOLDING}* (reference)`, count(n), `${ratioOf(f, n, kind, HOLDING).toFixed(2)}×`, `${check.centre.toFixed(2)}×`, String(check.pairs), formatP(check.pBelow), `${formatP(check.pAboveHolm)} (uncorrected)`, WHERE[check.outcome]];
      }),
    );
  const goalMet = judged.every((check) => check.outcome === 'met');
  /** The fewest runs with which Holm's first step can reject: judged.length · 2⁻ⁿ < ALPHA. */
  const minMissable = Math.ceil(Math.log2(judged.length / ALPHA));
  const goalMissed = judged.some((check) => check.outcome === 'missed');
  const rssMb = [...f.rss.values()].map((bytes) => bytes / 1e6);
  const lines = [
    machineLine(),
    '',
    `\`npm run bench:models -- --runs ${f.runs}\`: one load of N requests per contender, maxInFlight ${DEFAULT_LOAD_REQUEST.maxInFlight}, zero server latency, the server in a child process; the median of ${f.runs} runs (N = 3 and N = 1 000: ${f.runs * SMALL_LOAD_RUNS}; axios at N = 10 000, whose loads are the long ones: every other run, ${Math.ceil(f.runs / 2)}), each ordering the contenders by a row of a Williams design; ms is the median load time and × the median of the per-run ratios to that run's baseline on the same transport (paired); each run times one transport's contenders, then the other's (which goes first alternates), after an untimed load of each (at N = 10 000, of each baseline), with the CLI's heap setting (${CLI_HEAP_FLAG}) and no forced GC. Peak RSS: one load of 10 000 in a fresh process with the same setting. *${HOLDING}* (undici only) is a reference, not a goal's baseline: the baseline keeping every response until its load ends, as \`gather\` and the futures lesson do.`,
    '',
    markdownTable(['transport', 'contender', ...SIZES.map((n) => `N = ${count(n)}`), `client CPU µs/req N = ${count(10_000)}`, `peak RSS N = ${count(10_000)}`], rows),
    '',
    'The models\' own cost, over an in-process transport that answers at once (ns per request):',
    '',
    markdownTable(['contender', 'N = 3', 'N = 10 000'], overheadRows),
    '',
    'Goals, from the figures above:',
    '',
  ];
  if (f.kinds.includes('axios') && f.kinds.includes('undici')) {
    const cpuRatio = (f.cpu10k.get('axios')?.get('baseline') ?? Number.NaN) / (f.cpu10k.get('undici')?.get('baseline') ?? Number.NaN);
    // "speedup ≥ 3" is "undici's time ≤ a third of axios's": the ratio goal's test on the inverse ratios, a family of one.
    const [check] = judgeRatioGoal([f.speedups10k.map((speedup) => 1 / speedup)], 1 / SPEEDUP_GOAL) as [RatioGoalCheck];
    const outcome = check.outcome === 'inconclusive' ? '**inconclusive**' : verdict(check.outcome === 'met');
    lines.push(
      `- undici baseline ≥ ${SPEEDUP_GOAL}× the axios baseline's throughput at N = 10 000: ${outcome} — paired speedup (axios load time ÷ undici's, in the ${check.pairs} runs that timed both) median ${median(f.speedups10k).toFixed(2)}×, centre (Hodges–Lehmann) ${(1 / check.centre).toFixed(2)}×; one-sided signed-rank p above ${SPEEDUP_GOAL}× ${formatP(check.pBelow)}, below ${formatP(check.pAboveHolm)} (client CPU per request, less stretched by a busy machine: axios ÷ undici ${cpuRatio.toFixed(2)}×).`,
    );
  }
  lines.push(
    `- every correct model ≤ ${RATIO_GOAL.toFixed(2)}× its own transport's baseline at N ≥ 1000: ${
      goalMet ? verdict(true) : goalMissed ? `${verdict(false)} by ${named('missed')}` : '**inconclusive**'
    }${goalMet ? '' : `; inconclusive for ${named('inconclusive') || 'none'}`}; met (each uncorrected) for ${named('met') || 'none'} (the checks below).`,
    `- peak RSS ≤ ${RSS_GOAL_MB} MB at N = 10 000: highest ${Math.max(...rssMb).toFixed(0)} MB — ${verdict(Math.max(...rssMb) <= RSS_GOAL_MB)}.`,
    '',
    `The ratio goal, check by check: a check is met when the centre of its paired ratios (the pseudomedian of the log ratios, estimated by Hodges–Lehmann) is below ${RATIO_GOAL.toFixed(2)}× (one-sided exact signed-rank test of log ratio − log ${RATIO_GOAL.toFixed(2)}, p < ${ALPHA}, uncorrected; the goal as a whole is met only when every check is, an intersection-union test), missed when it is above (the same test the other way, Holm-adjusted across the ${judged.length} checks), and inconclusive otherwise. With n runs the smallest one-sided p is 2⁻ⁿ, reached only when all n ratios fall on one side of the limit: a check with fewer than 5 runs cannot be met, and with ${judged.length} checks Holm calls none missed unless one has at least ${minMissable} runs${
      f.kinds.includes('axios') && Math.ceil(f.runs / 2) < minMissable ? ` (axios at N = 10 000, timed in ${Math.ceil(f.runs / 2)} runs, can be met or inconclusive, never missed: \`--runs ${2 * minMissable - 1}\` gives it ${minMissable})` : ''
    }. The reference row is tested the same way, uncorrected, and is in no goal.`,
    '',
    markdownTable(['transport', 'model', 'N', 'median ratio', 'centre (Hodges–Lehmann)', 'runs', `p below ${RATIO_GOAL.toFixed(2)}×`, `p above, Holm`, 'check'], [...goalRows, ...referenceRows]),
  );
  return lines.join('\n');
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: String(DEFAULT_RUNS) }, transports: { type: 'string', default: TRANSPORT_KINDS.join(',') }, 'no-doc': { type: 'boolean' } } });
  const runs = Math.max(1, Number(values.runs));
  const kinds = values.transports.split(',').filter(isTransportKind);
  if (kinds.length === 0) throw new Error(`--transports: expected a comma-separated list of ${TRANSPORT_KINDS.join(', ')}`);
  const server = await startServerProcess({ port: 0, latency: uniformLatency({ ms: 0, jitterMs: 0 }) });
  const transports = new Map<TransportKind, HttpTransport>(kinds.map((kind) => [kind, createTransport({ kind, baseUrl: server.url })]));
  const request = (requests: number) => loadRequest({ requests, deadlineMs: 30_000 });
  const started = performance.now();
  try {
    process.stderr.write('warming up…\n');
    await medianTimes(transports, request(1000), 1);
    const wall = new Map<number, WallTimes>();
    const ratios = new Map<number, RatioSamples>();
    let cpu10k: WallTimes = new Map();
    let speedups10k: number[] = [];
    for (const size of SIZES) {
      process.stderr.write(`wall time, N=${size}…\n`);
      const times = size < 10_000 ? await medianTimes(transports, request(size), runs * SMALL_LOAD_RUNS) : await medianTimes(transports, request(size), runs, { halfRuns: new Set(['axios']), warmBaselinesOnly: true });
      wall.set(size, times.wall);
      ratios.set(size, times.ratios);
      if (size === 10_000) ({ cpu: cpu10k, speedups: speedups10k } = times);
    }
    process.stderr.write('pure overhead…\n');
    const overhead3 = await overheadNs(3, 2000, runs);
    const overhead10k = await overheadNs(10_000, 2, runs);
    process.stderr.write('peak RSS…\n');
    const rss = new Map<string, number>();
    for (const kind of kinds) for (const contender of contendersOf(kind)) rss.set(`${kind}/${contender}`, await peakRss(contender, kind, server.url, [CLI_HEAP_FLAG]));
    const text = report({ runs, kinds, wall, ratios, cpu10k, speedups10k, overhead3, overhead10k, rss });
    process.stdout.write(`${text}\n`);
    process.stderr.write(`bench:models took ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    await writeBenchSection(BENCH_SECTIONS.models, text);
  } finally {
    for (const transport of transports.values()) transport.close();
    await server.close();
  }
};

const [flag, contender, kind, url] = process.argv.slice(2);
if (flag === RSS_FLAG && contender !== undefined && kind !== undefined && isTransportKind(kind) && url !== undefined && isContender(contender)) await rssChild(contender, kind, url);
else await main();
