import { describe, expect, it } from 'vitest';
import { checkGeneratedSections, generatedSectionNames, replaceGeneratedSections } from '../../src/analysis/generated-sections.js';

const doc = ['# Title', 'Prose stays.', '<!-- generated:table -->', 'old table', '<!-- /generated:table -->', 'More prose.', '<!-- generated:verdict -->', 'old', '<!-- /generated:verdict -->', ''].join('\n');

describe('generated sections', () => {
  it('replaces only the generated bodies and keeps the prose', () => {
    const out = replaceGeneratedSections(doc, { table: '| a |\n|---|' });
    expect(out).toBe(doc.replace('old table', '| a |\n|---|'));
    expect(out).toContain('Prose stays.');
    expect(out).toContain('\nold\n');
  });

  it('is idempotent: regenerating twice gives the same document', () => {
    const once = replaceGeneratedSections(doc, { table: 'T', verdict: 'V' });
    expect(replaceGeneratedSections(once, { table: 'T', verdict: 'V' })).toBe(once);
  });

  it('lists section names in order', () => {
    expect(generatedSectionNames(doc)).toEqual(['table', 'verdict']);
  });

  it.each([
    ['<!-- generated:a -->\nx', 'section "a" is never closed'],
    ['x\n<!-- /generated:a -->', 'section "a" closes without being open'],
    ['<!-- generated:a -->\n<!-- generated:b -->\n<!-- /generated:b -->\n<!-- /generated:a -->', 'section "b" opens inside "a"'],
    ['<!-- generated:a --><!-- /generated:a --><!-- generated:a --><!-- /generated:a -->', 'section "a" appears twice'],
  ])('reports malformed markers: %j', (text, problem) => {
    expect(checkGeneratedSections(text)).toContain(problem);
    expect(() => replaceGeneratedSections(text, {})).toThrow(problem);
  });

  it('refuses to write a section the document has no markers for', () => {
    expect(() => replaceGeneratedSections(doc, { chart: 'x' })).toThrow('no markers for generated section(s): chart');
  });
});
