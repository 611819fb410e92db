import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/compare/scenario/parse-scenario.js';

/** YAML-ish fragments that exercise anchors, aliases, tags, flow and block structure, documents and quotes. */
const FRAGMENTS = ['name: ', 'x', 'runs: ', '3', '-1', '1e999', '\n', '  ', '- ', '? ', ': ', '&a ', '*a', '*b', '&b ', '<<: *a', '[', ']', '{', '}', ', ', '"', "'", '#', '!!binary ', '!!js/function ', '!custom ', '---\n', '...\n', '|\n', '>\n', '%YAML 1.2\n', '\t', 'client:\n  retries: ', 'faults:\n  perfil: { kind: ', 'timeout }', '\u0000', '\uFEFF', '\\u0007'];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 200 }).map((parts) => parts.join(''));
const nesting = fc.tuple(fc.constantFrom('[', '{a: ', '- ', '  '), fc.integer({ min: 1, max: 5000 })).map(([open, depth]) => `name: x\nfaults: ${open.repeat(depth)}`);
const bomb = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([levels, width]) =>
  ['l0: &l0 [x]', ...Array.from({ length: levels }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(width).fill(`*l${i}`).join(', ')}]`), 'name: x'].join('\n'),
);
const fromValue = fc.anything({ maxDepth: 4 }).map((value) => {
  try {
    return stringify({ name: 'x', ...(typeof value === 'object' && value !== null ? value : { value }) });
  } catch {
    return 'name: x';
  }
});

const oneLineOrPlan = (text: string, format: 'json' | 'yaml'): void => {
  const parsed = parseScenarioText(text, format);
  if (parsed.ok) {
    expect(parsed.value.name).toMatch(/^[a-z0-9-]+$/);
  } else {
    expect(parsed.error).not.toContain('\n');
    expect(parsed.error.length).toBeLessThan(600);
  }
};

describe('parseScenarioText on random documents', () => {
  it('returns a plan or one error line, and never throws, for YAML', () => {
    fc.assert(fc.property(fc.oneof(soup, nesting, bomb, fromValue, fc.string({ maxLength: 300 })), (text) => oneLineOrPlan(text, 'yaml')), { numRuns: 400 });
  });

  it('returns a plan or one error line, and never throws, for JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.json({ maxDepth: 6 }), soup, fc.string({ maxLength: 300 })), (text) => oneLineOrPlan(text, 'json')), { numRuns: 300 });
  });
});
