import { parseDocument } from 'yaml';
import type { Parsed } from '../../domain/fault-spec.js';
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

const parseJson = (text: string): Parsed<unknown> => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as SyntaxError).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    const position = offset === undefined ? '' : linePosition(text, Number(offset));
    return { ok: false, error: `invalid JSON: ${position}${message.replace(/ in JSON at position \d+.*$/, '')}` };
  }
};

const parseYaml = (text: string): Parsed<unknown> => {
  const document = parseDocument(text, { uniqueKeys: true });
  const first = document.errors[0];
  if (!first) return { ok: true, value: document.toJS() };
  const where = first.linePos?.[0];
  const position = where ? `line ${where.line}, column ${where.col}: ` : '';
  const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return { ok: false, error: `invalid YAML: ${position}${message}` };
};

/**
 * Parses a scenario file's text (`json` by JSON rules, anything else as YAML) and validates it.
 * Errors are one line without the file name, e.g. `invalid YAML: line 3, column 1: …`.
 */
export const parseScenarioText = (text: string, format: 'json' | 'yaml'): Parsed<Scenario> => {
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  return parsed.ok ? validateScenario(parsed.value) : parsed;
};
