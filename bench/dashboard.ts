/**
 * Benchmark: what the live dashboard costs. The four correct models run rounds back to back (auto-rerun)
 * with --concurrency requests per model per round against the mock server in a child process, in two
 * modes that alternate in blocks within one run so drift hits both alike:
 *
 * - `render`: the whole dashboard — actions folded into state, throttled to frames, rendered by Ink to
 *   a null terminal (isTTY, 100×30) that discards the output;
 * - `bare`:   the same rounds (the same action stream) with no state and no rendering.
 *
 * Runs with the CLI's heap setting (bench/cli-heap-flag.ts). Reports, per mode: event-loop delay
 * p50/p99 (perf_hooks.monitorEventLoopDelay), frames per second (Ink's onRender), mean round time;
 * and the ratio of mean round times render/bare.
 * Goals: render p99 ≤ 50 ms, round ratio ≤ 1.10.
 *
 * Prints the table and rewrites the `bench-dashboard` section of docs/benchmarks.md (not with --no-doc).
 *
 * Usage: npm run bench:dashboard -- [--duration S] [--concurrency N] [--interval MS] [--block S] [--transport axios|undici] [--no-doc]
 */
// First: React's production build, as the dashboard command uses.
import '../src/cli/dashboard-react-mode.js';
import { EventEmitter } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { render } from 'ink';
import { createElement } from 'react';
import { BehaviorSubject, Subject, filter, scan, share, startWith, type Observable } from 'rxjs';
import { loadRequest } from '../src/domain/load-request.js';
import { MODEL_IDS } from '../src/domain/models.js';
import { instrumentedLoad } from '../src/models/instrumented-load.js';
import { startServerProcess } from '../src/server/index.js';
import type { Command } from '../src/streams/commands.js';
import type { DashboardAction } from '../src/streams/dashboard-actions.js';
import { DASHBOARD_MAX_IN_FLIGHT, initialDashboardState, type DashboardSettings } from '../src/streams/dashboard-state.js';
import { dashboardActions } from '../src/streams/dashboard-stream.js';
import { frameMsFor, frameThrottle } from '../src/streams/frame-throttle.js';
import { reduceDashboard } from '../src/streams/reduce-dashboard.js';
import { isTransportKind } from '../src/domain/transport.js';
import { createTransport, type HttpTransport } from '../src/transport/create-transport.js';
import { DashboardApp } from '../src/ui/DashboardApp.js';
import { BENCH_SECTIONS, machineLine, markdownTable, verdict, writeBenchSection } from './bench-doc.js';
import { CLI_HEAP_FLAG } from './cli-heap-flag.js';
import { useDashboardHeap } from '../src/cli/dashboard-heap.js';

setFlagsFromString(CLI_HEAP_FLAG); // as bin/async-arena.js, then the dashboard command's own setting:
useDashboardHeap();

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '1000' },
    interval: { type: 'string', default: '0' },
    block: { type: 'string', default: '10' },
    'max-in-flight': { type: 'string', default: String(DASHBOARD_MAX_IN_FLIGHT) },
    transport: { type: 'string', default: 'axios' },
    'no-doc': { type: 'boolean' },
  },
});
const durationS = Number(flags.duration);
const concurrency = Number(flags.concurrency);
const intervalMs = Number(flags.interval);
const blockS = Math.min(Number(flags.block), durationS);
const maxInFlight = Number(flags['max-in-flight']);
for (const [name, value] of Object.entries({ duration: durationS, concurrency, interval: intervalMs, block: blockS, 'max-in-flight': maxInFlight })) {
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`bench:dashboard: --${name} must be a non-negative number\n`);
    process.exit(2);
  }
}

type Mode = 'render' | 'bare';
interface Block {
  readonly mode: Mode;
  readonly roundsMs: number[];
  readonly frames: number;
  readonly seconds: number;
  readonly delay: { readonly p50: number; readonly p99: number };
}

const SIZE = { columns: 100, rows: 30 };

/** A terminal that is not there: TTY-like dimensions, output discarded. */
const nullTerminal = (): NodeJS.WriteStream =>
  Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: true, ...SIZE }) as unknown as NodeJS.WriteStream;

/** A keyboard nobody types on, enough for Ink's input hook. */
const idleKeyboard = (): NodeJS.ReadStream =>
  Object.assign(new EventEmitter(), { isTTY: true, setRawMode: () => undefined, setEncoding: () => undefined, resume: () => undefined, pause: () => undefined, ref: () => undefined, unref: () => undefined, read: () => null }) as unknown as NodeJS.ReadStream;

const settings = (): DashboardSettings => ({
  target: 'bench',
  models: MODEL_IDS,
  request: loadRequest({ requests: concurrency, maxInFlight }),
  auto: true,
  intervalMs,
  size: SIZE,
});

/** Runs one block of `seconds` in a mode and measures it. */
const runBlock = async (mode: Mode, transport: HttpTransport, seconds: number): Promise<Block> => {
  const roundsMs: number[] = [];
  let frames = 0;
  let startedAt: number | undefined;
  const actions: Observable<DashboardAction> = dashboardActions({ commands: new Subject<Command>() }, settings(), { load: (model, request) => instrumentedLoad(model, transport, request) }).pipe(share());
  const timing = actions.pipe(filter((a) => a.type === 'round-started' || a.type === 'round-ended')).subscribe((a) => {
    if (a.type === 'round-started') startedAt = a.at;
    else if (startedAt !== undefined) roundsMs.push(a.at - startedAt);
  });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let stop: () => void;
  if (mode === 'render') {
    const initial = initialDashboardState(settings(), false);
    const latest = new BehaviorSubject(initial);
    const states = actions.pipe(scan(reduceDashboard, initial), startWith(initial), frameThrottle(frameMsFor(settings().request.requests))).subscribe(latest);
    const ink = render(createElement(DashboardApp, { states: latest, initial, onCommand: () => undefined }), {
      stdout: nullTerminal(),
      stdin: idleKeyboard(),
      patchConsole: false,
      exitOnCtrlC: false,
      maxFps: 1000 / frameMsFor(settings().request.requests),
      onRender: () => void (frames += 1),
    });
    stop = () => {
      states.unsubscribe();
      ink.unmount();
    };
  } else {
    const bare = actions.subscribe();
    stop = () => bare.unsubscribe();
  }
  const began = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  stop();
  timing.unsubscribe();
  delay.disable();
  return { mode, roundsMs, frames, seconds: (performance.now() - began) / 1000, delay: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6 } };
};

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

const server = await startServerProcess({ host: '127.0.0.1', port: 0, seed: 1 });
const kind = isTransportKind(flags.transport) ? flags.transport : 'axios';
const transport = createTransport({ kind, baseUrl: server.url, maxSockets: maxInFlight * MODEL_IDS.length });
try {
  process.stdout.write(`bench:dashboard: ${MODEL_IDS.length} models × ${concurrency} requests per round, interval ${intervalMs} ms, ${durationS} s per mode in ${blockS} s blocks\n`);
  await runBlock('bare', transport, Math.min(3, blockS)); // warm-up, not counted
  const blocks: Block[] = [];
  const pairs = Math.max(1, Math.round(durationS / blockS));
  for (let i = 0; i < pairs; i += 1) {
    for (const mode of (i % 2 === 0 ? ['render', 'bare'] : ['bare', 'render']) as Mode[]) blocks.push(await runBlock(mode, transport, blockS));
  }
  const summary = (mode: Mode) => {
    const mine = blocks.filter((b) => b.mode === mode);
    const seconds = mine.reduce((sum, b) => sum + b.seconds, 0);
    return {
      rounds: mine.flatMap((b) => b.roundsMs),
      fps: mine.reduce((sum, b) => sum + b.frames, 0) / seconds,
      // Blocks are equally long, so the mean of block percentiles is a fair summary; the worst p99 is shown too.
      p50: mean(mine.map((b) => b.delay.p50)),
      p99: mean(mine.map((b) => b.delay.p99)),
      worstP99: Math.max(...mine.map((b) => b.delay.p99)),
    };
  };
  const rendered = summary('render');
  const bare = summary('bare');
  const ratio = mean(rendered.rounds) / mean(bare.rounds);
  const rows = [
    ['mode', 'rounds', 'mean round ms', 'loop p50 ms', 'loop p99 ms', 'worst p99 ms', 'frames/s'],
    ['render', String(rendered.rounds.length), fixed(mean(rendered.rounds)), fixed(rendered.p50), fixed(rendered.p99), fixed(rendered.worstP99), fixed(rendered.fps)],
    ['bare', String(bare.rounds.length), fixed(mean(bare.rounds)), fixed(bare.p50), fixed(bare.p99), fixed(bare.worstP99), '-'],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, column) => cell.padStart(widths[column]!)).join('  ')}\n`);
  process.stdout.write(`round time ratio render/bare: ${fixed(ratio, 3)} (goal ≤ 1.10: ${ratio <= 1.1 ? 'met' : 'missed'})\n`);
  process.stdout.write(`render event-loop p99: ${fixed(rendered.p99)} ms (goal ≤ 50 ms: ${rendered.p99 <= 50 ? 'met' : 'missed'}); the bare rounds alone: ${fixed(bare.p99)} ms\n`);
  await writeBenchSection(
    BENCH_SECTIONS.dashboard,
    [
      machineLine(),
      '',
      `\`npm run bench:dashboard\`: ${MODEL_IDS.length} models × ${concurrency} requests per round, ${maxInFlight} in flight per model, ${kind} transport, interval ${intervalMs} ms, ${durationS} s per mode in ${blockS} s blocks.`,
      '',
      markdownTable(rows[0] ?? [], rows.slice(1)),
      '',
      `Round time ratio render ÷ bare: ${fixed(ratio, 3)} (goal ≤ 1.10: ${verdict(ratio <= 1.1)}). Render event-loop p99 ${fixed(rendered.p99)} ms (goal ≤ 50 ms: ${verdict(rendered.p99 <= 50)}); the bare rounds alone ${fixed(bare.p99)} ms.`,
    ].join('\n'),
  );
} finally {
  transport.close();
  await server.close();
}
