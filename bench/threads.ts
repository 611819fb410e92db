/**
 * Benchmark: what a worker thread costs, against the loop executor in the same run.
 *
 * 1. Start-up per worker: wall time from `new Worker` until its module is loaded, for an empty worker
 *    (plain JavaScript, nothing imported) and for the request worker (dist's bundled transport), the
 *    median of sequential starts; and the CPU the process spent per start.
 * 2. Memory per worker: RSS growth of this process with K request workers started and each having
 *    served one request (its transport built), divided by K.
 * 3. Moving one response between threads: a worker posts a product list of S KB to the main thread
 *    (structured clone), µs per message by S; the loop executor hands the same object over by
 *    reference (one promise resolution), measured the same way.
 * 4. Loads against the mock server (child process, zero latency): wall time of the loop executor and the
 *    thread executor (a pool started inside each load, and a warm pool), with 0 and 20 ms of CPU work
 *    per response; median of interleaved runs and the ratio to the loop executor.
 *
 * Writes its tables into docs/benchmarks.md between `<!-- generated:threads -->` markers, and a
 * one-paragraph summary into README.md between `<!-- generated:thread-cost -->` markers.
 * Usage: npm run bench:threads -- [--runs N] [--no-write]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { replaceGeneratedSections } from '../src/analysis/generated-sections.js';
import { asCompleted } from '../src/models/runtime/index.js';
import { requestEndpoint } from '../src/models/support/request-endpoint.js';
import { unitsForMs } from '../src/models/runtime/cpu-work-units.js';
import { loopExecutor, type RequestExecutor } from '../src/models/runtime/request-executor.js';
import { threadExecutor } from '../src/models/runtime/thread-executor.js';
import { ThreadPool } from '../src/models/runtime/thread-pool.js';
import { startServerProcess, uniformLatency } from '../src/server/index.js';
import { createHttpTransport } from '../src/transport/http-transport.js';
import { CLI_HEAP_FLAG } from './cli-heap-flag.js';

setFlagsFromString(CLI_HEAP_FLAG);
const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'no-write': { type: 'boolean', default: false } } });
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('bench:threads: --runs must be a whole number >= 1\n');
  process.exit(2);
}

/** The request worker as the thread pool runs it: built by `npm run build`, which the npm script runs first. */
const REQUEST_WORKER = new URL('../dist/models/runtime/request-worker.js', import.meta.url);
const DOC = new URL('../docs/benchmarks.md', import.meta.url);
const README = new URL('../README.md', import.meta.url);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const fixed = (n: number, digits = 1): string => n.toFixed(digits);
const table = (rows: readonly (readonly string[])[]): string => [rows[0] ?? [], (rows[0] ?? []).map(() => '---'), ...rows.slice(1)].map((row) => `| ${row.join(' | ')} |`).join('\n');
const progress = (text: string): void => void process.stderr.write(`${text}…\n`);

/** Wall ms and process CPU ms of starting a worker whose source is `body` (ESM) until it says it is ready. */
const startWorker = async (body: string): Promise<{ wallMs: number; cpuMs: number }> => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(`${body}\nimport { parentPort } from 'node:worker_threads'; parentPort.postMessage('ready');`)}`));
  await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await worker.terminate();
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
};

/** The bundled chunk of one HTTP client, which a request worker imports on its first task (`importTransport`). */
const clientChunk = (name: string): URL => {
  const chunks = new URL('../dist/models/runtime/worker-chunks/', import.meta.url);
  const file = readdirSync(chunks).find((f) => f.startsWith(`${name}-`));
  if (!file) throw new Error(`no ${name} chunk in ${chunks.pathname}: run \`npm run build\``);
  return new URL(file, chunks);
};

/** 1. Start-up per worker: empty, with the request worker's module, and with the HTTP client it loads on its first task. */
const startUp = async (): Promise<{ kind: string; wallMs: number; cpuMs: number }[]> => {
  const worker = `await import(${JSON.stringify(REQUEST_WORKER.href)});`;
  const kinds = {
    'empty worker (plain JavaScript)': '',
    'request worker, before its first task': worker,
    'request worker with the axios client': `${worker} await import(${JSON.stringify(clientChunk('http-transport').href)});`,
    'request worker with the undici client': `${worker} await import(${JSON.stringify(clientChunk('undici-transport').href)});`,
  };
  const samples = new Map<string, { wallMs: number; cpuMs: number }[]>(Object.keys(kinds).map((k) => [k, []]));
  for (let run = 0; run < runs * 2 + 1; run += 1) {
    for (const [kind, body] of Object.entries(kinds)) {
      const sample = await startWorker(body);
      if (run > 0) samples.get(kind)?.push(sample); // the first start warms the file cache
    }
  }
  return [...samples].map(([kind, list]) => ({ kind, wallMs: median(list.map((s) => s.wallMs)), cpuMs: median(list.map((s) => s.cpuMs)) }));
};

/** 2. RSS per request worker: K workers started, each having served one request. */
const rssPerWorker = async (url: string, workers: number): Promise<number> => {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const pool = new ThreadPool({ maxThreads: workers, minThreads: workers });
  const executor = threadExecutor({ maxWorkers: workers, transport: { baseUrl: url }, pool });
  await Promise.all(Array.from({ length: workers }, (_, requestId) => executor.submit({ endpoint: 'perfil', requestId, deadlineMs: 30_000 }).result()));
  const after = process.memoryUsage().rss;
  await executor.shutdown();
  await pool.destroy();
  return (after - before) / workers;
};

/** A product list of about `kb` KB of JSON, the shape the productos endpoint returns. */
const productList = (kb: number) => Array.from({ length: Math.max(1, Math.round((kb * 1024) / 90)) }, (_, id) => ({ id, nombre: `Producto ecológico ${id}`, precio: 3.5 + (id % 40), categoria: 'despensa', stock: id % 17 }));

/** 3. µs to move one response of `kb` KB from a worker to the main thread, and to hand it over on the loop. */
const handOver = async (kb: number, messages: number): Promise<{ threadUs: number; loopUs: number }> => {
  const source = `import { parentPort } from 'node:worker_threads';
const payload = ${JSON.stringify(productList(kb))};
parentPort.on('message', (n) => { for (let i = 0; i < n; i += 1) parentPort.postMessage({ ok: true, status: 200, items: payload.length, data: payload }); });
parentPort.postMessage('ready');`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
  await new Promise((resolve) => worker.once('message', resolve));
  const receive = (count: number): Promise<number> =>
    new Promise((resolve) => {
      let received = 0;
      const started = performance.now();
      const onMessage = (): void => {
        received += 1;
        if (received < count) return;
        worker.off('message', onMessage);
        resolve(((performance.now() - started) * 1000) / count);
      };
      worker.on('message', onMessage);
      worker.postMessage(count);
    });
  await receive(Math.min(messages, 20)); // warm-up
  const threadUs = median(await sequence(runs, () => receive(messages)));
  await worker.terminate();
  const payload = productList(kb);
  const loopRound = async (): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < messages; i += 1) await Promise.resolve({ ok: true, status: 200, items: payload.length, data: payload });
    return ((performance.now() - started) * 1000) / messages;
  };
  const loopUs = median(await sequence(runs, loopRound));
  return { threadUs, loopUs };
};

const sequence = async <T>(count: number, step: () => Promise<T>): Promise<T[]> => {
  const results: T[] = [];
  for (let i = 0; i < count; i += 1) results.push(await step());
  return results;
};

type Contender = 'loop' | 'threads (pool per load)' | 'threads (warm pool)';
const CONTENDERS: readonly Contender[] = ['loop', 'threads (pool per load)', 'threads (warm pool)'];

/** 4. Wall ms of one load of `requests` with `maxWorkers` in flight and `workUnits` of CPU work per response. */
const timeLoad = async (contender: Contender, url: string, requests: number, maxWorkers: number, workUnits: number, warm: ThreadPool): Promise<number> => {
  const transport = { baseUrl: url, maxSockets: maxWorkers };
  const loopTransport = contender === 'loop' ? createHttpTransport(transport) : undefined;
  const started = performance.now();
  const executor: RequestExecutor = loopTransport
    ? loopExecutor(maxWorkers, loopTransport, workUnits)
    : threadExecutor({ maxWorkers, transport, workUnits, ...(contender === 'threads (warm pool)' ? { pool: warm } : {}) });
  const futures = Array.from({ length: requests }, (_, requestId) => executor.submit({ endpoint: requestEndpoint(requestId), requestId, deadlineMs: 30_000 }));
  for await (const future of asCompleted(futures)) await future.result();
  await executor.shutdown();
  const ms = performance.now() - started;
  loopTransport?.close();
  return ms;
};

const main = async (): Promise<void> => {
  const began = performance.now();
  const [load1] = loadavg();
  progress('start-up per worker');
  const starts = await startUp();
  const server = await startServerProcess({ port: 0, latency: uniformLatency({ ms: 0, jitterMs: 0 }) });
  try {
    progress('RSS per worker');
    const rss = median(await sequence(Math.max(1, Math.ceil(runs / 2)), () => rssPerWorker(server.url, 4)));
    progress('moving a response between threads');
    const sizes = [1, 10, 100, 1000];
    const moves = [];
    for (const kb of sizes) moves.push({ kb, ...(await handOver(kb, kb >= 1000 ? 20 : 200)) });
    progress('loads');
    const units = unitsForMs(20);
    const cases = [
      { requests: 3, maxWorkers: 3, workMs: 0 },
      { requests: 3, maxWorkers: 3, workMs: 20 },
      { requests: 30, maxWorkers: 4, workMs: 0 },
      { requests: 30, maxWorkers: 4, workMs: 20 },
    ];
    const warm = new ThreadPool({ maxThreads: 4, minThreads: 4 });
    const loads: { label: string; times: Map<Contender, number> }[] = [];
    try {
      await timeLoad('threads (warm pool)', server.url, 4, 4, 0, warm); // the warm pool's threads are up before timing
      for (const { requests, maxWorkers, workMs } of cases) {
        const samples = new Map<Contender, number[]>(CONTENDERS.map((c) => [c, []]));
        for (let run = 0; run < runs; run += 1) {
          for (const contender of run % 2 ? [...CONTENDERS].reverse() : CONTENDERS) samples.get(contender)?.push(await timeLoad(contender, server.url, requests, maxWorkers, workMs ? units : 0, warm));
        }
        loads.push({ label: `${requests} requests, ${maxWorkers} in flight, ${workMs} ms CPU each`, times: new Map([...samples].map(([c, v]) => [c, median(v)])) });
      }
    } finally {
      await warm.destroy();
    }

    const seconds = (performance.now() - began) / 1000;
    const out = [
      `Measured by \`npm run bench:threads\` (${runs} runs) on ${new Date().toISOString().slice(0, 10)}: ${availableParallelism()} cores, Node ${process.versions.node}, load average ${fixed(load1 ?? 0, 1)} at the start, ${fixed(seconds, 0)} s in all. Medians; ratios are within this run.`,
      '',
      '**A worker thread\'s start-up** (from `new Worker` until its modules are loaded; a request worker imports only the HTTP client it uses, on its first task; CPU is the whole process\'s during the start):',
      '',
      table([['worker', 'start-up (wall)', 'CPU per start'], ...starts.map((s) => [s.kind, `${fixed(s.wallMs)} ms`, `${fixed(s.cpuMs)} ms`])]),
      '',
      `**Memory per worker:** ${fixed(rss / 1e6)} MB of RSS per request worker (4 workers started, each having served one request).`,
      '',
      '**Moving one response to the main thread** (a worker posts the outcome with a product list: a structured clone), against the loop executor, which hands the same object over by reference:',
      '',
      table([['payload', 'threads', 'loop', 'threads ÷ loop'], ...moves.map((m) => [`${m.kb} KB`, `${fixed(m.threadUs)} µs`, `${fixed(m.loopUs, 2)} µs`, `${fixed(m.threadUs / m.loopUs, 0)}×`])]),
      '',
      `**Loads** against the mock server (child process, zero latency); CPU work = \`buildProductView\` for 20 ms of this machine's CPU (${units} units), done on the event loop by \`loop\` and in the worker by \`threads\`:`,
      '',
      table([['load', ...CONTENDERS.map((c) => `${c}`)], ...loads.map(({ label, times }) => [label, ...CONTENDERS.map((c) => `${fixed(times.get(c) ?? NaN, 0)} ms (${fixed((times.get(c) ?? NaN) / (times.get('loop') ?? NaN), 2)}×)`)])]),
    ].join('\n');
    process.stdout.write(`${out}\n`);
    if (!flags['no-write']) {
      let doc = readFileSync(DOC, 'utf8');
      if (!doc.includes('<!-- generated:threads -->')) doc = `${doc.trimEnd()}\n\n## Threads — \`npm run bench:threads\`\n\nWritten by the command; see README for what it means.\n\n<!-- generated:threads -->\n<!-- /generated:threads -->\n`;
      writeFileSync(DOC, replaceGeneratedSections(doc, { threads: out }));
      const request = starts.find((s) => s.kind.includes('axios'));
      const empty = starts.find((s) => s.kind.startsWith('empty'));
      const tenKb = moves.find((m) => m.kb === 10);
      const heavy = loads.at(-1)?.times;
      const summary =
        `Measured by \`npm run bench:threads\` on ${new Date().toISOString().slice(0, 10)} (${availableParallelism()} cores, load average ${fixed(load1 ?? 0, 1)}): ` +
        `a worker thread that loads the transport (axios, the default) starts in ${fixed(request?.wallMs ?? NaN, 0)} ms (an empty one in ${fixed(empty?.wallMs ?? NaN, 0)} ms) and takes ${fixed(rss / 1e6, 0)} MB of RSS; ` +
        `handing a 10 KB response to the main thread takes ${fixed(tenKb?.threadUs ?? NaN, 0)} µs (by reference on the loop: ${fixed(tenKb?.loopUs ?? NaN, 2)} µs); ` +
        `30 requests with 20 ms of CPU work each took ${fixed((heavy?.get('threads (warm pool)') ?? NaN) / (heavy?.get('loop') ?? NaN), 2)}× the loop executor's time on a warm pool of 4 threads, ` +
        `${fixed((heavy?.get('threads (pool per load)') ?? NaN) / (heavy?.get('loop') ?? NaN), 2)}× with a pool started inside the load.`;
      writeFileSync(README, replaceGeneratedSections(readFileSync(README, 'utf8'), { 'thread-cost': summary }));
      process.stderr.write('docs/benchmarks.md and README.md: threads sections written\n');
    }
  } finally {
    await server.close();
  }
};

await main();
