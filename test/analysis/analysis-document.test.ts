import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCERPT_FILES, MODEL_FILES } from '../../src/analysis/analysis-plans.js';
import { ANALYSIS_SECTION_NAMES } from '../../src/analysis/analysis-sections.js';
import { countCodeLines, extractRegion, NAIVE_MARKER, withoutNaive } from '../../src/analysis/code-metrics.js';
import { checkGeneratedSections, generatedSectionNames } from '../../src/analysis/generated-sections.js';
import { MODEL_IDS } from '../../src/domain/models.js';

const doc = readFileSync('docs/analysis.md', 'utf8');

describe('docs/analysis.md', () => {
  it('has well-formed generated sections', () => {
    expect(checkGeneratedSections(doc)).toEqual([]);
  });

  it('has a marker pair for exactly the sections the generator writes', () => {
    expect([...generatedSectionNames(doc)].sort()).toEqual([...ANALYSIS_SECTION_NAMES].sort());
  });

  it.each(MODEL_IDS)('can quote the real source of %s (its lesson region exists)', (model) => {
    for (const file of EXCERPT_FILES[model]) expect(extractRegion(readFileSync(file, 'utf8'), 'lesson'), file).toBeDefined();
    for (const file of [...MODEL_FILES[model].load, ...MODEL_FILES[model].support]) expect(() => readFileSync(file), file).not.toThrow();
  });

  it.each(MODEL_IDS)('counts only the correct variant of %s: its naive code is marked and left out', (model) => {
    const source = readFileSync(MODEL_FILES[model].load[0] ?? '', 'utf8');
    expect(source, `${model}: a "${NAIVE_MARKER}" comment opens its naive variant`).toContain(NAIVE_MARKER);
    expect(countCodeLines(withoutNaive(source))).toBeLessThan(countCodeLines(source));
  });
});
