/**
 * Generated sections of a hand-written document: text between
 * `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` belongs to the generator; everything
 * else is prose that regeneration leaves alone.
 */

const OPEN = /<!-- generated:([a-z0-9-]+) -->/g;
const TAG = /<!-- (\/?)generated:([a-z0-9-]+) -->/g;

/** Problems with a document's markers (empty when well-formed): unclosed, unopened, nested or repeated sections. */
export const checkGeneratedSections = (doc: string): string[] => {
  const problems: string[] = [];
  const seen = new Set<string>();
  let open: string | undefined;
  for (const match of doc.matchAll(TAG)) {
    const [, slash, name = ''] = match;
    if (!slash) {
      if (open) problems.push(`section "${name}" opens inside "${open}"`);
      if (seen.has(name)) problems.push(`section "${name}" appears twice`);
      seen.add(name);
      open = name;
    } else if (open !== name) {
      problems.push(`section "${name}" closes without being open`);
    } else {
      open = undefined;
    }
  }
  if (open) problems.push(`section "${open}" is never closed`);
  return problems;
};

/** Names of the generated sections, in document order. */
export const generatedSectionNames = (doc: string): string[] => [...doc.matchAll(OPEN)].map((m) => m[1] ?? '');

/**
 * Replaces the body of each named section with fresh content. Throws when the markers are
 * malformed or a section given has no markers in the document (a generator bug, not user input).
 */
export const replaceGeneratedSections = (doc: string, sections: Readonly<Record<string, string>>): string => {
  const problems = checkGeneratedSections(doc);
  if (problems.length > 0) throw new Error(`malformed generated sections: ${problems.join('; ')}`);
  const names = new Set(generatedSectionNames(doc));
  const missing = Object.keys(sections).filter((name) => !names.has(name));
  if (missing.length > 0) throw new Error(`no markers for generated section(s): ${missing.join(', ')}`);
  return doc.replace(/(<!-- generated:([a-z0-9-]+) -->)[\s\S]*?(<!-- \/generated:\2 -->)/g, (whole, open: string, name: string, close: string) => {
    const body = sections[name];
    return body === undefined ? whole : `${open}\n${body.trim()}\n${close}`;
  });
};
