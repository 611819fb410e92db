/**
 * Benchmark: the four correct models against a raw baseline, all over the same transport.
 *
 * 1. Wall time of one load of N requests (N = 3, 1000, 10000) against the mock server (zero latency,
 *    no faults) running in a child process: the median of several interleaved runs, and its ratio to
 *    the baseline — a plain `Promise.all` over `transport.get` calls, bounded to the same maxInFlight
 *    by a pool of workers. Goal: ≤ 1.10× at N ≥ 1000.
 * 2. Pure model overhead: the same loads over an in-process transport that resolves at once, in ns per
 *    request (N = 3 and 10000), minus nothing: the baseline row shows the floor.
 * 3. Peak RSS of one load of 10000 requests with the default maxInFlight, each model in a fresh child
 *    process, with the heap setting bin/async-arena.js applies and with V8's default. Goal: ≤ 200 MB.
 *
 * Usage: npm run bench:models -- [--runs N]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { lastValueFrom } from 'rxjs';
import { DEFAULT_LOAD_REQUEST, loadRequest, type LoadRequest } from '../src/domain/load-request.js';
import { isModelId, MODEL_IDS, type ModelId } from '../src/domain/models.js';
import type { Transport, TransportResponse } from '../src/domain/transport.js';
import { MODELS } from '../src/models/index.js';
import { requestEndpoint } from '../src/models/index.js';
import { startServerProcess, uniformLatency } from '../src/server/index.js';
import { createHttpTransport } from '../src/transport/http-transport.js';
import { CLI_HEAP_FLAG } from './cli-heap-flag.js';

type Contender = ModelId | 'baseline';
const CONTENDERS: readonly Contender[] = ['baseline', ...MODEL_IDS];
const RSS_FLAG = '--rss-child';

/** The baseline: no model, no events; `transport.get` calls bounded by a pool of `maxInFlight` workers under one Promise.all. */
const baselineLoad = async (transport: Transport, request: LoadRequest): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < request.requests) {
      const requestId = next++;
      await transport.get({ endpoint: requestEndpoint(requestId), requestId, deadlineMs: request.deadlineMs }).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.maxInFlight, request.requests) }, worker));
};

/** Runs one load to completion and returns its wall time in ms. */
const timeLoad = async (contender: Contender, transport: Transport, request: LoadRequest): Promise<number> => {
  const started = performance.now();
  if (contender === 'baseline') await baselineLoad(transport, request);
  else await lastValueFrom(MODELS[contender].load(transport, request));
  return performance.now() - started;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Median wall time per contender; runs interleave the contenders so drift hits them all alike. */
const medianTimes = async (transport: Transport, request: LoadRequest, runs: number): Promise<Map<Contender, number>> => {
  const samples = new Map<Contender, number[]>(CONTENDERS.map((c) => [c, []]));
  for (let run = 0; run < runs; run += 1) {
    const order = run % 2 ? [...CONTENDERS].reverse() : CONTENDERS;
    for (const contender of order) samples.get(contender)?.push(await timeLoad(contender, transport, request));
  }
  return new Map([...samples].map(([c, values]) => [c, median(values)]));
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
  for (let run = 0; run < runs + 1; run += 1) {
    for (const contender of CONTENDERS) {
      let total = 0;
      for (let load = 0; load < loads; load += 1) total += await timeLoad(contender, transport, request);
      if (run > 0) samples.get(contender)?.push((total * 1e6) / (loads * requests)); // run 0 warms up
    }
  }
  return new Map([...samples].map(([c, values]) => [c, median(values)]));
};

/** The child side of the RSS measurement: one load of 10000, then print the peak RSS in bytes. */
const rssChild = async (contender: Contender, url: string): Promise<void> => {
  const transport = createHttpTransport({ baseUrl: url });
  await timeLoad(contender, transport, loadRequest({ requests: 10_000, deadlineMs: 30_000 }));
  transport.close();
  process.stdout.write(`${process.resourceUsage().maxRSS * 1024}\n`);
};

/** Peak RSS of one contender's 10000-request load, measured in a fresh process started with `v8Flags`. */
const peakRss = async (contender: Contender, url: string, v8Flags: readonly string[]): Promise<number> => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, [...v8Flags, '--import', tsx, fileURLToPath(import.meta.url), RSS_FLAG, contender, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`the RSS child for ${contender} exited with code ${code}`);
  return Number(output.trim());
};

const pad = (text: string, width: number): string => text.padStart(width);
const ratioCell = (ms: number, baseline: number): string => `${ms.toFixed(1)} ms ${(ms / baseline).toFixed(2)}×`;

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Math.max(1, Number(values.runs));
  const server = await startServerProcess({ port: 0, latency: uniformLatency({ ms: 0, jitterMs: 0 }) });
  const transport = createHttpTransport({ baseUrl: server.url });
  const request = (requests: number) => loadRequest({ requests, deadlineMs: 30_000 });
  try {
    process.stderr.write('warming up…\n');
    await medianTimes(transport, request(1000), 1);
    const sizes = [3, 1000, 10_000] as const;
    const wall = new Map<number, Map<Contender, number>>();
    for (const size of sizes) {
      process.stderr.write(`wall time, N=${size}…\n`);
      wall.set(size, await medianTimes(transport, request(size), size === 3 ? runs * 4 : runs));
    }
    process.stderr.write('pure overhead…\n');
    const overhead3 = await overheadNs(3, 2000, runs);
    const overhead10k = await overheadNs(10_000, 2, runs);
    process.stderr.write('peak RSS…\n');
    const rss = new Map<Contender, number>();
    const rssV8Default = new Map<Contender, number>();
    for (const contender of CONTENDERS) {
      rss.set(contender, await peakRss(contender, server.url, [CLI_HEAP_FLAG]));
      rssV8Default.set(contender, await peakRss(contender, server.url, []));
    }

    const header = ['contender', ...sizes.map((n) => `N=${n} (median, ×baseline)`), 'ns/req N=3', 'ns/req N=10000', 'peak RSS N=10000', 'V8 default heap'];
    const widths = [12, 24, 24, 24, 11, 15, 17, 15];
    const rows = CONTENDERS.map((c) => [
      c,
      ...sizes.map((n) => ratioCell(wall.get(n)?.get(c) ?? NaN, wall.get(n)?.get('baseline') ?? NaN)),
      (overhead3.get(c) ?? NaN).toFixed(0),
      (overhead10k.get(c) ?? NaN).toFixed(0),
      `${((rss.get(c) ?? NaN) / 1e6).toFixed(0)} MB`,
      `${((rssV8Default.get(c) ?? NaN) / 1e6).toFixed(0)} MB`,
    ]);
    const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0] as number) : pad(cell, widths[i] as number))).join('  ');
    process.stdout.write(`models benchmark: ${runs} runs (N=3: ${runs * 4}), maxInFlight ${DEFAULT_LOAD_REQUEST.maxInFlight}, server in a child process, zero latency\n`);
    process.stdout.write(`${line(header)}\n${[...rows].map(line).join('\n')}\n`);
    process.stdout.write(`peak RSS with ${CLI_HEAP_FLAG} (as the CLI runs), and with V8's default heap growth\n`);
    process.stdout.write('goals: ≤ 1.10× baseline at N ≥ 1000; peak RSS ≤ 200 MB at N=10000\n');
  } finally {
    transport.close();
    await server.close();
  }
};

const [flag, contender, url] = process.argv.slice(2);
if (flag === RSS_FLAG && contender !== undefined && url !== undefined && (contender === 'baseline' || isModelId(contender))) await rssChild(contender, url);
else await main();
