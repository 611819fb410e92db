import { isScalar, parseDocument, visit, type Document } from 'yaml';
import type { Parsed } from '../../domain/fault-spec.js';
import { MAX_YAML_DEPTH, tooDeepAt } from './yaml-depth.js';
import { describeIssue, formatFirstIssue } from './describe-issue.js';
import { scenarioSchema, type Scenario } from './scenario-schema.js';

/** Validates an already-parsed value as a scenario; the error is one line naming the field. */
export const validateScenario = (value: unknown): Parsed<Scenario> => {
  if (value === null || value === undefined) return { ok: false, error: 'the scenario is empty' };
  const result = scenarioSchema.safeParse(value, { error: describeIssue });
  return result.success ? { ok: true, value: result.data } : { ok: false, error: formatFirstIssue(result.error) };
};

/** `line L, column C: ` of a character offset (both 1-based). */
const linePosition = (text: string, offset: number): string => {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: `;
};

/** The first line of a parser's message, without the position it repeats. */
const firstLine = (message: string): string => (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');

const parseJson = (text: string): Parsed<unknown> => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = firstLine((error as SyntaxError).message);
    const offset = /at position (\d+)/.exec(message)?.[1];
    const position = offset === undefined ? '' : linePosition(text, Number(offset));
    return { ok: false, error: `invalid JSON: ${position}${message.replace(/ in JSON at position \d+.*$/, '')}` };
  }
};

/** Most aliases one file may expand: a handful is plenty for a scenario, and it stops alias bombs. */
export const MAX_YAML_ALIASES = 100;

/** Where the first alias of a document sits (the place a resolution error points at), as `line L, column C: `. */
const firstAliasPosition = (text: string, document: Document, unresolvedOnly: boolean): string => {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      if (unresolvedOnly && node.resolve(document) !== undefined) return undefined;
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? '' : linePosition(text, offset);
};

/** The offset of the first key repeated within one mapping (scalar keys; others fail validation anyway), or undefined. */
const duplicateKeyAt = (document: Document): number | undefined => {
  let offset: number | undefined;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (!seen.has(value)) {
          seen.add(value);
          continue;
        }
        offset = isScalar(key) ? key.range?.[0] : undefined;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
};

const parseYaml = (text: string): Parsed<unknown> => {
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { ok: false, error: `invalid YAML: ${linePosition(text, deep)}nested deeper than ${MAX_YAML_DEPTH} levels` };
  // The parser's own unique-key check compares every key with every other one (quadratic: minutes for
  // a 1 MiB mapping); duplicateKeyAt does the same check with a set.
  const document = parseDocument(text, { uniqueKeys: false });
  const first = document.errors[0];
  if (first) {
    const where = first.linePos?.[0];
    const position = where ? `line ${where.line}, column ${where.col}: ` : '';
    return { ok: false, error: `invalid YAML: ${position}${firstLine(first.message)}` };
  }
  const duplicate = duplicateKeyAt(document);
  if (duplicate !== undefined) return { ok: false, error: `invalid YAML: ${linePosition(text, duplicate)}Map keys must be unique` };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    // toJS throws for an alias without its anchor and for too many aliases (a "billion laughs" bomb).
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /unresolved alias/i.test(message);
    const reason = unresolved ? firstLine(message) : /excessive alias count/i.test(message) ? `more than ${MAX_YAML_ALIASES} aliases to expand` : firstLine(message);
    return { ok: false, error: `invalid YAML: ${firstAliasPosition(text, document, unresolved)}${reason}` };
  }
};

/**
 * Parses a scenario file's text (`json` by JSON rules, anything else as YAML) and validates it.
 * Never throws: errors are one line without the file name, e.g. `invalid YAML: line 3, column 1: …`.
 */
export const parseScenarioText = (text: string, format: 'json' | 'yaml'): Parsed<Scenario> => {
  try {
    const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
    return parsed.ok ? validateScenario(parsed.value) : parsed;
  } catch (error) {
    // A parser bug (or a stack overflow on absurd nesting) is still bad input, said in one line.
    return { ok: false, error: `cannot parse: ${firstLine(error instanceof Error ? error.message : String(error))}` };
  }
};
