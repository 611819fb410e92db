import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ALPHA, MIN_PAIRS } from '../../src/compare/stats/paired-comparison.js';
import { contendersOf } from '../../src/domain/contender.js';
import { contenderLabel } from '../../src/compare/contender.js';
import { buildPlan } from '../../src/compare/plan.js';
import { BUILTIN_SCENARIOS, findBuiltinScenario } from '../../src/compare/scenario/builtin-scenarios.js';
import { parseScenarioText, validateScenario } from '../../src/compare/scenario/parse-scenario.js';

/** Nine levels of nine aliases each: 9^9 strings once expanded ("billion laughs"). */
const aliasBomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`), 'name: x', ''].join('\n');

const fullScenario = `
name: every-field
description: all fields set
runs: 4
warmup: 1
models: [callbacks, reactive]
executors: [loop, threads]
workMs: 5
variant: both
concurrency: [3, 30]
seed: 9
client:
  deadlineMs: 300
  retries: 2
  maxInFlight: 10
  backoff: { baseMs: 5, maxMs: 50 }
latency:
  productos: { ms: 20, jitterMs: 5 }
  perfil: { ms: 10 }
faults:
  productos: { kind: error, status: 503, probability: 0.5, times: 2 }
  categorias: { kind: timeout }
  perfil: { kind: slow-body, ms: 900 }
schedule:
  - atRun: 2
    faults: { categorias: { kind: none }, perfil: { kind: reset } }
`;

describe('parseScenarioText', () => {
  it('accepts a file that sets every field', () => {
    const parsed = parseScenarioText(fullScenario, 'yaml');
    expect(parsed).toMatchObject({ ok: true, value: { name: 'every-field', client: { retries: 2 }, schedule: [{ atRun: 2 }] } });
  });

  it('reads JSON by JSON rules', () => {
    expect(parseScenarioText('{"name": "j", "runs": 2}', 'json')).toEqual({ ok: true, value: { name: 'j', runs: 2 } });
  });

  it.each([
    ['a negative whole number', 'name: x\nclient:\n  retries: -1\n', 'client.retries: expected a whole number from 0 to 20'],
    ['a fraction', 'name: x\nruns: 2.5\n', 'runs: expected a whole number from 1 to 10000'],
    ['text for a number', 'name: x\nlatency:\n  perfil: { ms: soon }\n', 'latency.perfil.ms: expected a whole number from 0 to 600000'],
    ['an unknown top-level field', 'name: x\nrunz: 3\n', 'runz: unknown field (expected one of name, description, runs, warmup, models, executors, workMs, variant, concurrency, inFlight, seed, client, transport, latency, faults, schedule)'],
    ['an unknown transport', 'name: x\ntransport: curl\n', 'transport: expected one of axios, undici'],
    ['an unknown client option', 'name: x\nclient:\n  timeout: 5\n', 'client.timeout: unknown field (expected one of deadlineMs, retries, maxInFlight, backoff)'],
    ['an unknown endpoint', 'name: x\nfaults:\n  carrito: { kind: timeout }\n', 'faults.carrito: unknown field (expected one of productos, categorias, perfil)'],
    ['an unknown fault kind', 'name: x\nfaults:\n  perfil: { kind: explode }\n', 'faults.perfil.kind: expected one of none, latency, timeout, error, reset, malformed, slow-body'],
    ['a fault field of another kind', 'name: x\nfaults:\n  perfil: { kind: timeout, status: 500 }\n', 'faults.perfil.status: unknown field (expected one of kind, probability, times)'],
    ['an out-of-range probability', 'name: x\nfaults:\n  perfil: { kind: reset, probability: 1.5 }\n', 'faults.perfil.probability: expected a number <= 1'],
    ['an unknown model', 'name: x\nmodels: [callbacks, threads]\n', 'models.1: expected one of callbacks, futures, async-await, reactive'],
    ['an unknown executor', 'name: x\nexecutors: [loop, fibers]\n', 'executors.1: expected one of loop, threads'],
    ['an empty executor list', 'name: x\nexecutors: []\n', 'executors: expected at least one executor'],
    ['CPU work past the --work-ms limit', 'name: x\nworkMs: 60001\n', 'workMs: expected a whole number from 0 to 60000'],
    ['an unknown variant', 'name: x\nvariant: clever\n', 'variant: expected one of correct, naive, both'],
    ['an empty concurrency list', 'name: x\nconcurrency: []\n', 'concurrency: expected at least one level'],
    ['a schedule entry without faults', 'name: x\nschedule:\n  - atRun: 2\n', 'schedule.0.faults: missing (expected a mapping of fields)'],
    ['a missing name', 'runs: 3\n', 'name: missing (expected text)'],
    ['a badly formed name', 'name: My Scenario\n', 'name: expected lowercase letters, digits and dashes'],
    ['a list instead of a mapping', '- name: x\n', '(root): expected a mapping of fields'],
    ['an empty file', '', 'the scenario is empty'],
    ['a YAML syntax error', 'name: x\nruns: [1\n', 'invalid YAML: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a duplicated key', 'name: x\nname: y\n', 'invalid YAML: line 2, column 1: Map keys must be unique'],
    ['a duplicated nested key', 'name: x\nclient:\n  retries: 1\n  retries: 2\n', 'invalid YAML: line 4, column 3: Map keys must be unique'],
    ['an alias without its anchor', 'name: *nope\n', 'invalid YAML: line 1, column 7: Unresolved alias (the anchor must be set before the alias): nope'],
    ['an alias bomb', aliasBomb, 'invalid YAML: line 2, column 8: more than 100 aliases to expand'],
    ['flow nesting 1000 deep', `name: x\nfaults: ${'['.repeat(1000)}`, 'invalid YAML: line 2, column 73: nested deeper than 64 levels'],
    ['compact sequences 1000 deep', `${'- '.repeat(1000)}x`, 'invalid YAML: line 1, column 1: nested deeper than 64 levels'],
    ['a second document', 'name: x\n---\nname: y\n', 'invalid YAML: line 2, column 1: Source contains multiple documents; please use YAML.parseAllDocuments()'],
    ['retries past the --retries limit', 'name: x\nclient: { retries: 1000000000000 }\n', 'client.retries: expected a whole number from 0 to 20'],
    ['a description of 1001 characters', `name: x\ndescription: ${'d'.repeat(1001)}\n`, 'description: expected at most 1000 characters'],
    ['a name of 65 characters', `name: ${'n'.repeat(65)}\n`, 'name: expected at most 64 characters'],
    ['101 concurrency levels', `name: x\nconcurrency: [${Array.from({ length: 101 }, (_, i) => i + 1).join(', ')}]\n`, 'concurrency: expected at most 100 levels'],
  ])('rejects %s with one line naming the field', (_, text, message) => {
    expect(parseScenarioText(text, 'yaml')).toEqual({ ok: false, error: message });
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(parseScenarioText('{\n  "name": "x",\n}', 'json')).toEqual({ ok: false, error: 'invalid JSON: line 3, column 1: Expected double-quoted property name' });
  });
});

describe('built-in scenarios', () => {
  it('are valid scenarios with unique names', () => {
    for (const scenario of BUILTIN_SCENARIOS) expect(validateScenario(scenario)).toEqual({ ok: true, value: scenario });
    expect(new Set(BUILTIN_SCENARIOS.map((s) => s.name)).size).toBe(BUILTIN_SCENARIOS.length);
  });

  it('run enough repetitions for a paired verdict', () => {
    for (const scenario of BUILTIN_SCENARIOS) expect(scenario.runs, scenario.name).toBeGreaterThanOrEqual(MIN_PAIRS);
  });

  it('include the cases the comparison is about', () => {
    for (const name of ['baseline', 'categorias-timeout', 'flaky-with-retries', 'connection-reset', 'malformed-json', 'slow-body', 'scale']) {
      expect(findBuiltinScenario(name)?.description).toBeTruthy();
    }
    expect(Math.max(...(findBuiltinScenario('scale')?.concurrency ?? []))).toBeGreaterThanOrEqual(10_000);
  });

  it('include cpu-bound: CPU work on every response, callbacks and futures on both executors', () => {
    const plan = buildPlan(findBuiltinScenario('cpu-bound') ?? { name: 'missing' });
    expect(plan).toMatchObject({ scenario: 'cpu-bound', executors: ['loop', 'threads'], concurrency: [30] });
    expect(plan.workMs).toBeGreaterThan(0);
    expect(plan.runs).toBeGreaterThanOrEqual(MIN_PAIRS);
    expect(contendersOf(plan.models, plan.executors).map(contenderLabel)).toEqual(['callbacks', 'callbacks (threads)', 'futures', 'futures (threads)', 'async-await', 'reactive']);
  });

  it('give every contender pair of cpu-bound a chance of a verdict: the smallest possible Holm-adjusted p is below alpha', () => {
    const plan = buildPlan(findBuiltinScenario('cpu-bound') ?? { name: 'missing' });
    const contenders = contendersOf(plan.models, plan.executors).length;
    const comparisons = (contenders * (contenders - 1)) / 2;
    const smallestP = 2 / 2 ** plan.runs; // exact two-sided signed-rank p when every log-ratio has the same sign
    expect(smallestP * comparisons).toBeLessThan(ALPHA);
  });
});

describe('the example scenario file', () => {
  it('is valid and sets every top-level field', async () => {
    const parsed = parseScenarioText(await readFile(new URL('../../scenarios/example.yaml', import.meta.url), 'utf8'), 'yaml');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.keys(parsed.value).sort()).toEqual(['client', 'concurrency', 'description', 'executors', 'faults', 'latency', 'models', 'name', 'runs', 'schedule', 'seed', 'transport', 'variant', 'warmup', 'workMs']);
  });
});
