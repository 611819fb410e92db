/**
 * Lines of code of a TypeScript source: non-blank lines that are not only comments
 * (`//` lines, and lines inside or opening/closing a block comment with no code around it).
 */
export const countCodeLines = (source: string): number => {
  let inBlock = false;
  let count = 0;
  for (const raw of source.split('\n')) {
    let line = raw.trim();
    if (inBlock) {
      const end = line.indexOf('*/');
      if (end === -1) continue;
      inBlock = false;
      line = line.slice(end + 2).trim();
    }
    while (line.startsWith('/*')) {
      const end = line.indexOf('*/', 2);
      if (end === -1) {
        inBlock = true;
        line = '';
        break;
      }
      line = line.slice(end + 2).trim();
    }
    if (line === '' || line.startsWith('//')) continue;
    count += 1;
  }
  return count;
};

/**
 * The lines of every `// #region NAME` … `// #endregion` block in a source file, each dedented,
 * joined by a `// …` line: how documents quote real code without a hand-typed copy. Returns
 * undefined when no complete region of that name exists.
 */
export const extractRegion = (source: string, name: string): string | undefined => {
  const lines = source.split('\n');
  const blocks: string[] = [];
  for (let start = lines.findIndex((l) => l.trim() === `// #region ${name}`); start !== -1; ) {
    const end = lines.findIndex((l, i) => i > start && l.trim() === '// #endregion');
    if (end === -1) break;
    const body = lines.slice(start + 1, end);
    const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
    blocks.push(body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n'));
    const next = lines.slice(end + 1).findIndex((l) => l.trim() === `// #region ${name}`);
    start = next === -1 ? -1 : end + 1 + next;
  }
  return blocks.length > 0 ? blocks.join('\n// …\n') : undefined;
};

/** The comment that opens a naive variant's code in a model file: `// The mistake: …` or `/** The mistake: … *\/`. */
export const NAIVE_MARKER = 'The mistake';

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * A model's source without its naive variants, so line counts compare the correct variants only.
 * Each block starts at a line holding {@link NAIVE_MARKER}. When the marker opens a block (the line
 * before it ends with `{`) or the next line is indented differently (a ternary's branch), the naive
 * code is the rest of that branch: it ends before the first later non-blank line indented less than
 * the marker. Otherwise the next line is a declaration (a function or const) and the block ends at
 * its closing `}` line at the marker's indentation.
 */
export const withoutNaive = (source: string): string => {
  const lines = source.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes(NAIVE_MARKER)) {
      kept.push(line);
      continue;
    }
    const indent = indentOf(line);
    const before = kept.filter((l) => l.trim() !== '').at(-1) ?? '';
    const declaration = !before.trimEnd().endsWith('{') && indentOf(lines[i + 1] ?? '') === indent;
    let j = i + 1;
    if (declaration) {
      while (j < lines.length && !(indentOf(lines[j] ?? '') === indent && (lines[j] ?? '').trim().startsWith('}'))) j++;
      i = j; // the closing line goes too
    } else {
      while (j < lines.length && ((lines[j] ?? '').trim() === '' || indentOf(lines[j] ?? '') >= indent)) j++;
      i = j - 1;
    }
  }
  return kept.join('\n');
};
