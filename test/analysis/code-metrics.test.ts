import { describe, expect, it } from 'vitest';
import { countCodeLines, extractRegion, withoutNaive } from '../../src/analysis/code-metrics.js';

describe('countCodeLines', () => {
  it('counts code, not blanks or comments', () => {
    const source = [
      '/**',
      ' * Doc comment.',
      ' */',
      'export const a = 1; // trailing comment counts as code',
      '',
      '// a line comment',
      '/* one-line block */',
      '/* block */ const b = 2;',
      'function f() {',
      '  return a + b;',
      '}',
    ].join('\n');
    expect(countCodeLines(source)).toBe(5);
  });

  it('counts nothing in an empty or comment-only file', () => {
    expect(countCodeLines('')).toBe(0);
    expect(countCodeLines('/*\n x\n*/\n// y\n')).toBe(0);
  });
});

describe('extractRegion', () => {
  const source = ['const x = 1;', '  // #region lesson', '  if (x) {', '    run();', '  }', '  // #endregion', 'after();'].join('\n');

  it('returns the dedented region body', () => {
    expect(extractRegion(source, 'lesson')).toBe('if (x) {\n  run();\n}');
  });

  it('joins every region of that name', () => {
    const two = `${source}\n// #region lesson\nlast();\n// #endregion`;
    expect(extractRegion(two, 'lesson')).toBe('if (x) {\n  run();\n}\n// …\nlast();');
  });

  it('returns undefined for a missing or unclosed region', () => {
    expect(extractRegion(source, 'other')).toBeUndefined();
    expect(extractRegion('// #region lesson\nx', 'lesson')).toBeUndefined();
  });
});

describe('withoutNaive', () => {
  it('drops a naive declaration from its marker to its closing brace', () => {
    const source = ['  const good = () => {', '    return 1;', '  };', '', '  // The mistake: all or nothing.', '  async function bad() {', '    return 2;', '  }', '', '  run(good, bad);'].join('\n');
    expect(withoutNaive(source)).toBe(['  const good = () => {', '    return 1;', '  };', '', '', '  run(good, bad);'].join('\n'));
  });

  it('drops a naive branch up to the first line indented less than its marker', () => {
    const source = ['  if (correct) {', '    good();', '  } else {', '    // The mistake: one error path.', '    bad();', '', '    worse();', '  }', '  done();'].join('\n');
    expect(withoutNaive(source)).toBe(['  if (correct) {', '    good();', '  } else {', '  }', '  done();'].join('\n'));
  });

  it('leaves a source without a marker alone', () => {
    expect(withoutNaive('a();\nb();')).toBe('a();\nb();');
  });
});
