import { Lexer } from 'yaml';

/** Deepest nesting a scenario file may use: a scenario needs 4; the YAML composer recurses per level. */
export const MAX_YAML_DEPTH = 64;

/** The lexer's own one-character markers (document start, scalar start, …), which are not source text. */
const isLexerMarker = (token: string): boolean => token.length === 1 && token < ' ' && token !== '\t' && token !== '\n' && token !== '\r';

/** Leading spaces, tabs and compact block indicators (`- `, `? `) of a line: how far its content is nested. */
const BLOCK_PREFIX = /^(?:[ \t]|[-?](?=[ \t]))*/;

/**
 * The first place a YAML text nests deeper than {@link MAX_YAML_DEPTH} (flow brackets, or indentation
 * and compact `- - -` items past twice that many columns), as a 0-based offset, or undefined. Linear
 * and non-recursive (the lexer is a flat tokenizer), so it runs before the recursive parser, which a
 * few hundred `[` would overflow.
 */
export const tooDeepAt = (text: string): number | undefined => {
  let offset = 0;
  let flow = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') flow += 1;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    if (flow > MAX_YAML_DEPTH) return offset;
    if (!isLexerMarker(token)) offset += token.length;
  }
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if ((BLOCK_PREFIX.exec(line)?.[0].length ?? 0) > 2 * MAX_YAML_DEPTH) return lineStart;
    lineStart += line.length + 1;
  }
  return undefined;
};
