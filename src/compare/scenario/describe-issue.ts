import { z } from 'zod';

const NOUNS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'a mapping of fields',
  record: 'a mapping of fields',
  array: 'a list',
  boolean: 'true or false',
};

const noun = (expected: string): string => NOUNS[expected] ?? expected;
const oneOf = (values: readonly unknown[]): string => `expected one of ${values.map(String).join(', ')}`;
const bound = (origin: string, relation: string, limit: unknown): string =>
  origin === 'array' ? `expected ${relation === '>=' ? 'at least' : 'at most'} ${String(limit)} items` : `expected ${noun(origin)} ${relation} ${String(limit)}`;

/** The fields an object or record schema accepts, for an "unknown field" message. */
const knownFields = (schema: unknown): readonly string[] => {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) return schema.keyType.options as string[];
  return [];
};

/**
 * A zod error map that says what was expected in plain words (`expected a whole number >= 0`,
 * `unknown field (expected one of ms, jitterMs)`); messages set on a schema take precedence.
 */
export const describeIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `missing (expected ${noun(issue.expected)})` : `expected ${noun(issue.expected)}`;
    case 'too_small':
      return bound(issue.origin, issue.inclusive === false ? '>' : '>=', issue.minimum);
    case 'too_big':
      return bound(issue.origin, issue.inclusive === false ? '<' : '<=', issue.maximum);
    case 'invalid_value':
      return oneOf(issue.values);
    case 'unrecognized_keys': {
      const known = knownFields(issue.inst);
      return known.length > 0 ? `unknown field (${oneOf(known)})` : 'unknown field';
    }
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options) ? oneOf(issue.options) : 'expected one of the allowed forms';
    default:
      return undefined;
  }
};

/** One line for the first issue: `client.retries: expected a whole number >= 0`. */
export const formatFirstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return '(root): invalid';
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  return `${path.length > 0 ? path.join('.') : '(root)'}: ${issue.message}`;
};
