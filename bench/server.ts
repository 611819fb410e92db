/**
 * Benchmark: the mock EcoMarket server (no faults, zero latency) against a minimal node:http server
 * that writes the same bytes. Each server runs in its own child process, so autocannon (here) does not
 * share their event loop. Rounds alternate baseline/mock with the same duration and connections; the
 * figure that matters is the ratio mock ÷ baseline measured in this run (goal ≥ 0.80): the median of the
 * per-round ratios, since each pair ran back to back and shares whatever else loads the machine.
 *
 * Pipelining (default 10 requests per connection) keeps the load generator from being the bottleneck.
 *
 * Prints the rounds and rewrites the `bench-server` section of docs/benchmarks.md (not with --no-doc).
 *
 * Usage: npm run bench:server -- [--duration S] [--rounds N] [--connections N] [--pipelining N] [--endpoint productos|categorias|perfil] [--no-doc]
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { endpointPath, isEndpoint, type Endpoint } from '../src/domain/endpoints.js';
import { findListeningUrl, listeningLine, startServerProcess, uniformLatency } from '../src/server/index.js';
import { prepareEndpointBodies } from '../src/server/response-bodies.js';
import { BENCH_SECTIONS, machineLine, markdownTable, verdict, writeBenchSection } from './bench-doc.js';

/** The part of autocannon's result this benchmark reads (autocannon ships no types). */
interface AutocannonResult {
  readonly duration: number;
  readonly requests: { readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; pipelining: number; duration: number }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const BASELINE_FLAG = '--baseline-child';

/** The child side of the baseline: the smallest node:http server that writes the mock's bytes and headers. */
const serveBaseline = (endpoint: Endpoint): void => {
  const { json } = prepareEndpointBodies()[endpoint];
  const server = createServer((_req, res) => res.writeHead(200, json.headers).end(json.bytes));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    process.stdout.write(listeningLine(`http://127.0.0.1:${port}`));
  });
  process.once('SIGTERM', () => process.exit(0));
};

/** Starts the baseline in a child process; resolves with its URL and a stop function. */
const startBaseline = async (endpoint: Endpoint): Promise<{ url: string; close: () => Promise<void> }> => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', tsx, fileURLToPath(import.meta.url), BASELINE_FLAG, endpoint], { stdio: 'pipe' });
  let output = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    output += chunk as string;
    const url = findListeningUrl(output);
    if (url !== undefined) {
      child.stdout.resume();
      return { url, close: async () => void (child.kill('SIGTERM'), await once(child, 'close')) };
    }
  }
  throw new Error(`the baseline server exited before listening: ${output}`);
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};
const perSecond = (result: AutocannonResult): number => result.requests.total / result.duration;
const formatRate = (rate: number): string => `${Math.round(rate).toLocaleString('en-US')} req/s`;

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      pipelining: { type: 'string', default: '10' },
      endpoint: { type: 'string', default: 'productos' },
      'no-doc': { type: 'boolean' },
    },
  });
  const duration = Number(values.duration);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  const pipelining = Number(values.pipelining);
  const endpoint = values.endpoint;
  if (!isEndpoint(endpoint) || !(duration > 0) || !(rounds > 0) || !(connections > 0) || !(pipelining > 0)) {
    process.stderr.write('bench:server: expected --duration S --rounds N --connections N --pipelining N --endpoint productos|categorias|perfil\n');
    process.exitCode = 2;
    return;
  }

  const baseline = await startBaseline(endpoint);
  const mock = await startServerProcess({ port: 0, latency: uniformLatency({ ms: 0, jitterMs: 0 }) });
  const targets = { baseline: `${baseline.url}${endpointPath(endpoint)}`, mock: `${mock.url}${endpointPath(endpoint)}` };
  const rates: Record<keyof typeof targets, number[]> = { baseline: [], mock: [] };
  try {
    process.stdout.write(`bench:server — GET ${endpointPath(endpoint)}, ${connections} connections × ${pipelining} pipelined, ${rounds} × ${duration} s per server, alternating, after a 1 s warm-up each\n`);
    for (const url of Object.values(targets)) await autocannon({ url, connections, pipelining, duration: 1 });
    for (let round = 1; round <= rounds; round += 1) {
      for (const name of ['baseline', 'mock'] as const) {
        const result = await autocannon({ url: targets[name], connections, pipelining, duration });
        const problems = result.errors + result.timeouts + result.non2xx;
        rates[name].push(perSecond(result));
        process.stdout.write(
          `  round ${round} ${name.padEnd(8)} ${formatRate(perSecond(result)).padStart(12)}  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms${problems > 0 ? `  (${problems} errors/timeouts/non-2xx)` : ''}\n`,
        );
      }
    }
    const stats = await mock.stats();
    const ratios = rates.mock.map((rate, i) => rate / (rates.baseline[i] ?? Number.NaN)).sort((a, b) => a - b);
    process.stdout.write(`baseline (minimal node:http): median ${formatRate(median(rates.baseline))}\n`);
    process.stdout.write(`mock server (no faults, 0 ms): median ${formatRate(median(rates.mock))}  (${stats[endpoint].ok.toLocaleString('en-US')} complete 200s counted by the server)\n`);
    process.stdout.write(`ratio mock ÷ baseline: median ${median(ratios).toFixed(2)} of ${ratios.length} back-to-back pairs (range ${ratios[0]?.toFixed(2)}–${ratios.at(-1)?.toFixed(2)}; goal ≥ 0.80)\n`);
    const ratio = median(ratios);
    await writeBenchSection(
      BENCH_SECTIONS.server,
      [
        machineLine(),
        '',
        `\`npm run bench:server\`: GET ${endpointPath(endpoint)}, ${connections} connections × ${pipelining} pipelined, ${rounds} alternating rounds of ${duration} s per server.`,
        '',
        markdownTable(
          ['server', 'median req/s'],
          [
            ['minimal `node:http` (baseline)', formatRate(median(rates.baseline))],
            ['mock server', formatRate(median(rates.mock))],
            ['**ratio mock ÷ baseline**', `**${ratio.toFixed(2)}** (range ${ratios[0]?.toFixed(2)}–${ratios.at(-1)?.toFixed(2)} over ${ratios.length} pairs)`],
          ],
        ),
        '',
        `Goal ≥ 0.80: ${verdict(ratio >= 0.8)}.`,
      ].join('\n'),
    );
  } finally {
    await Promise.all([baseline.close(), mock.close()]);
  }
};

if (process.argv[2] === BASELINE_FLAG) serveBaseline(process.argv[3] as Endpoint);
else await main();
