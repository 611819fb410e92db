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
