import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BENCH_SECTIONS, markdownTable } from '../../bench/bench-doc.js';
import { checkGeneratedSections, generatedSectionNames } from '../../src/analysis/generated-sections.js';

describe('docs/benchmarks.md', () => {
  const doc = readFileSync('docs/benchmarks.md', 'utf8');

  it('has well-formed generated sections, one per benchmark command', () => {
    expect(checkGeneratedSections(doc)).toEqual([]);
    expect([...generatedSectionNames(doc)].sort()).toEqual(Object.values(BENCH_SECTIONS).sort());
  });

  it('builds markdown tables with a separator row', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
