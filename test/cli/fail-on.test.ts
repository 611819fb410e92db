import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { failOnList } from '../../src/cli/fail-on-option.js';
import { correctVariantTally } from '../../src/compare/correct-variant-tally.js';
import { crossedThresholds } from '../../src/domain/fail-on.js';
import { runRecord } from '../compare/fixtures.js';
import { runCli } from './run-cli.js';

describe('--fail-on thresholds', () => {
  it('names each gate crossed, and none when the count is zero', () => {
    expect(crossedThresholds(['lost', 'failed'], { lost: 2, failed: 0 })).toEqual(['2 requests lost']);
    expect(crossedThresholds(['failed'], { lost: 5, failed: 1 })).toEqual(['1 request failed']);
    expect(crossedThresholds([], { lost: 5, failed: 5 })).toEqual([]);
  });

  it('parses a comma-separated, repeatable list and rejects an unknown gate', () => {
    expect(failOnList('lost,failed')).toEqual(['lost', 'failed']);
    expect(failOnList('lost', ['lost'])).toEqual(['lost']);
    expect(() => failOnList('slow')).toThrow(/unknown threshold "slow"/);
  });

  it('compare counts the correct variants only: the naive ones lose data on purpose', () => {
    // the fixture's correct run fails /categorias; its naive run also loses /perfil
    expect(correctVariantTally([runRecord('futures', 'naive', 0, 10), runRecord('futures', 'correct', 0, 10), runRecord('reactive', 'correct', 0, 10)])).toEqual({ lost: 0, failed: 2 });
  });
});

describe('--fail-on from the command line', () => {
  let dir: string;
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'arena-fail-on-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('run: prints the result, then exits 3 with one line naming what was lost', async () => {
    const { code, stdout, stderr } = await runCli('run', 'futures', '--naive', '--fault', 'categorias=timeout', '--timeout', '2000', '--json', '--fail-on', 'lost');
    expect(code).toBe(EXIT.threshold);
    expect(JSON.parse(stdout)).toMatchObject({ model: 'futures', variant: 'naive' });
    expect(stderr).toBe('async-arena: --fail-on: 2 requests lost (futures naive)\n');
  });

  it('run: a correct model under a fault passes --fail-on lost', async () => {
    const passes = await runCli('run', 'futures', '--fault', 'categorias=error:503', '--timeout', '5000', '--fail-on', 'lost');
    expect(passes).toMatchObject({ code: EXIT.ok, stderr: '' });
  });

  it('run: … and trips --fail-on failed', async () => {
    const trips = await runCli('run', 'futures', '--fault', 'categorias=error:503', '--timeout', '5000', '--fail-on', 'lost,failed');
    expect(trips.code).toBe(EXIT.threshold);
    expect(trips.stderr).toBe('async-arena: --fail-on: 1 request failed (futures correct)\n');
  });

  it('compare: exits 3 on failed requests of a correct variant, after writing the report', async () => {
    const file = join(dir, 'tiny.json');
    await writeFile(file, JSON.stringify({ name: 'tiny', runs: 1, warmup: 0, models: ['callbacks'], variant: 'both', client: { deadlineMs: 10_000 }, latency: { productos: { ms: 5 }, categorias: { ms: 5 }, perfil: { ms: 5 } }, faults: { categorias: { kind: 'error', status: 503 } } }));
    const { code, stdout, stderr } = await runCli('compare', '--scenario', file, '--format', 'json', '--fail-on', 'lost,failed');
    expect(code).toBe(EXIT.threshold);
    expect(JSON.parse(stdout)).toMatchObject({ scenario: 'tiny' });
    expect(stderr).toMatch(/^async-arena: --fail-on: 1 request failed \(correct variants; naive ones lose data on purpose\)\n$/);
  });
});
