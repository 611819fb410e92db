import type { Cell, TableData, Tone } from './cells.js';
import { REPORT_RULES } from './build-report.js';
import type { CompareReport } from './report-schema.js';
import { reportHeader, reportTables } from './report-tables.js';

const ANSI: Readonly<Record<Tone | 'title', readonly [string, string]>> = {
  good: ['\u001b[32m', '\u001b[39m'],
  bad: ['\u001b[31m', '\u001b[39m'],
  muted: ['\u001b[2m', '\u001b[22m'],
  title: ['\u001b[1m', '\u001b[22m'],
};

const paint = (text: string, tone: Tone | 'title' | undefined, color: boolean): string => {
  if (!color || tone === undefined) return text;
  const [open, close] = ANSI[tone];
  return `${open}${text}${close}`;
};

/** Code points, so `–` and `×` count as one column each. */
const width = (text: string): number => [...text].length;

const pad = (c: Cell, size: number, align: 'left' | 'right', color: boolean): string => {
  const space = ' '.repeat(Math.max(0, size - width(c.text)));
  const text = paint(c.text, c.tone, color);
  return align === 'right' ? `${space}${text}` : `${text}${space}`;
};

/** An aligned terminal table with a title line; color only when `color` is true. */
export const renderTextTable = (table: TableData, color: boolean): string => {
  const headers = table.headers.map((text) => ({ text }));
  const all = [headers, ...table.rows];
  const widths = headers.map((_, i) => Math.max(...all.map((row) => width(row[i]?.text ?? ''))));
  const line = (row: readonly Cell[], tone?: Tone | 'title') =>
    row
      .map((c, i) => pad(tone ? { text: c.text, tone: undefined } : c, widths[i] ?? 0, table.align[i] ?? 'left', color))
      .join('  ')
      .trimEnd();
  const header = paint(line(headers, 'title'), 'title', color);
  return [paint(table.title, 'title', color), header, ...table.rows.map((row) => line(row))].join('\n');
};

/**
 * The report as terminal tables: header, per concurrency level a timing and a data table, a
 * scaling table when there are several levels, and the rules the verdicts follow.
 */
export const formatTable = (report: CompareReport, options: { readonly color: boolean }): string =>
  [
    reportHeader(report).join('\n'),
    ...reportTables(report).map((table) => renderTextTable(table, options.color)),
    paint(`Columns: ${REPORT_RULES.columns}.`, 'muted', options.color),
    paint(`Transport µs/request, Model's own µs/request: ${REPORT_RULES.transport}.`, 'muted', options.color),
    ...(report.executors.includes('threads') ? [paint(`Thread cost: ${REPORT_RULES.threadCost}.`, 'muted', options.color)] : []),
    paint(`Rules: ${REPORT_RULES.comparison}. Preserved: ${REPORT_RULES.preserved}.`, 'muted', options.color),
  ].join('\n\n') + '\n';
