import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareReportSchema } from '../../src/compare/report/report-schema.js';
import { BUILTIN_SCENARIOS } from '../../src/compare/scenario/builtin-scenarios.js';

const BIN = new URL('../../bin/async-arena.js', import.meta.url).pathname;

interface Exit {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a child process with a non-TTY stdout and stderr. */
const cli = (...args: string[]): Promise<Exit> =>
  new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'arena-compare-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const scenarioFile = async (name: string, text: string): Promise<string> => {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
};

describe('async-arena compare with a bad scenario', () => {
  it('names the file, the field and what was expected, and exits 2', async () => {
    const file = await scenarioFile('bad-retries.yaml', 'name: x\nclient:\n  retries: -1\n');
    expect(await cli('compare', '--scenario', file)).toEqual({ code: 2, stdout: '', stderr: `async-arena: ${file}: client.retries: expected a whole number from 0 to 20\n` });
  });

  it('reports a YAML syntax error with its line in one line', async () => {
    const file = await scenarioFile('broken.yml', 'name: x\nruns: [1\n');
    expect(await cli('compare', '--scenario', file)).toEqual({
      code: 2,
      stdout: '',
      stderr: `async-arena: ${file}: invalid YAML: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]\n`,
    });
  });

  it('reports a missing file and an unknown built-in', async () => {
    const missing = join(dir, 'nope.json');
    expect(await cli('compare', '--scenario', missing)).toEqual({ code: 2, stdout: '', stderr: `async-arena: ${missing}: no such file\n` });
    const unknown = await cli('compare', '--scenario', 'nope');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(`async-arena: unknown scenario "nope" (built-ins: ${BUILTIN_SCENARIOS.map((s) => s.name).join(', ')}; or give a .yaml, .yml or .json file)\n`);
  });

  it('rejects --concurrency with --in-flight, and a bad margin, with exit 2', async () => {
    expect(await cli('compare', '--concurrency', '3', '--in-flight', '10')).toEqual({ code: 2, stdout: '', stderr: 'async-arena: give --concurrency or --in-flight, not both\n' });
    const margin = await cli('compare', '--margin', '0');
    expect(margin.code).toBe(2);
    expect(margin.stderr).toContain('--margin');
  });

  it('refuses threads alone with no model that can use them: one line, exit 2', async () => {
    expect(await cli('compare', '--models', 'async-await,reactive', '--executors', 'threads')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'async-arena: --executors: executors threads: none of the models async-await, reactive can run on threads (only callbacks and futures can; add one, or add loop)\n',
    });
    const file = await scenarioFile('threads-only.yaml', 'name: threads-only\nmodels: [reactive]\nexecutors: [threads]\n');
    const fromFile = await cli('compare', '--scenario', file);
    expect(fromFile).toMatchObject({ code: 2, stdout: '' });
    expect(fromFile.stderr).toMatch(/^async-arena: scenario threads-only: executors threads: none of the models reactive can run on threads[^\n]*\n$/);
    const unknown = await cli('compare', '--executors', 'loop,fibers');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown executor "fibers"');
    const work = await cli('compare', '--work-ms', '60001');
    expect(work.code).toBe(2);
    expect(work.stderr).toContain('expected a whole number from 0 to 60000');
  });

  it('rejects a bad flag with exit 2', async () => {
    const result = await cli('compare', '--models', 'callbacks,threads');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown model "threads"');
  });
});

describe('async-arena compare end to end', () => {
  it('writes a JSON report that validates against the schema, and no progress off a terminal', { timeout: 60_000 }, async () => {
    const file = await scenarioFile(
      'tiny.json',
      JSON.stringify({ name: 'tiny', runs: 2, warmup: 1, models: ['futures', 'reactive'], variant: 'both', client: { deadlineMs: 500 }, latency: { productos: { ms: 5 }, categorias: { ms: 5 }, perfil: { ms: 5 } }, faults: { categorias: { kind: 'timeout' } } }),
    );
    const out = join(dir, 'report.json');
    expect(await cli('compare', '--scenario', file, '--format', 'json', '--out', out, '--concurrency', '3,6')).toEqual({ code: 0, stdout: '', stderr: '' });
    const report = compareReportSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(report).toMatchObject({ scenario: 'tiny', runs: 2, concurrency: [3, 6], variants: ['correct', 'naive'] });
    expect(report.results).toHaveLength(2 * 2 * 2);
    for (const result of report.results) expect(result.preservedRuns).toBe(result.variant === 'correct' ? 2 : 0);
    // A raw-transport load per measured repetition and level, beside the contenders: the transport's share of each one's CPU.
    expect(report.transportLoads.map((t) => [t.concurrency, t.runs, t.failed])).toEqual([[3, 2, 2], [6, 2, 4]]);
    expect(report.transportRecords.map((t) => [t.concurrency, t.repetition])).toEqual([[3, 0], [3, 1], [6, 0], [6, 1]]);
    for (const t of report.transportRecords) expect(t.serverPlan, 'paired on the repetition\'s server plan').toBe(report.records.find((r) => r.concurrency === t.concurrency && r.repetition === t.repetition)?.serverPlan);
    for (const result of report.results) {
      expect(result.cost.transportUsPerRequest?.median, `${result.model} ${result.variant}`).toBeGreaterThan(0);
      expect(result.cost.modelUsPerRequest?.median).toEqual(expect.any(Number));
    }
  });
});

describe('async-arena compare with threads', () => {
  it('runs futures on both executors with CPU work, and fills the thread cost for the thread contender only', { timeout: 120_000 }, async () => {
    const out = join(dir, 'threads.json');
    const args = ['compare', '--models', 'futures,async-await', '--executors', 'loop,threads', '--work-ms', '2', '--runs', '2', '--warmup', '0', '--variant', 'correct', '--format', 'json', '--out', out];
    expect(await cli(...args)).toEqual({ code: 0, stdout: '', stderr: '' });
    const report = compareReportSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(report).toMatchObject({ executors: ['loop', 'threads'], workMs: 2 });
    expect(report.results.map((r) => `${r.model}/${r.executor}`)).toEqual(['futures/loop', 'futures/threads', 'async-await/loop']);
    for (const result of report.results) expect(result.preservedRuns).toBe(2);
    const threads = report.results.find((r) => r.executor === 'threads')!;
    expect(threads.cost.threads).toBeGreaterThanOrEqual(1);
    for (const figure of [threads.cost.threadStartupMs, threads.cost.rssPerThreadMb, threads.cost.handoffUs]) expect(figure).toEqual(expect.any(Number));
    for (const loop of report.results.filter((r) => r.executor === 'loop')) expect([loop.cost.threads, loop.cost.threadStartupMs, loop.cost.rssPerThreadMb, loop.cost.handoffUs]).toEqual([null, null, null, null]);
    expect(report.comparisons.map((c) => c.a)).toContain('futures (threads)');
  });
});

describe('async-arena scenarios', () => {
  it('lists every built-in on its own line', async () => {
    const { code, stdout } = await cli('scenarios');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(BUILTIN_SCENARIOS.map((s) => s.name));
  });
});
