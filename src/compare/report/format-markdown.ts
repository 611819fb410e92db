import { REPORT_RULES } from './build-report.js';
import { formatCount, formatMs, type TableData } from './cells.js';
import { contenderLabel } from '../contender.js';
import type { CompareReport } from './report-schema.js';
import { LEVEL_TABLES, reportHeader, reportTables } from './report-tables.js';

/** Escapes the characters that would break a markdown table cell. */
const escapeCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A GitHub-flavoured markdown table with its title as a heading. */
export const renderMarkdownTable = (table: TableData): string => {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `|${table.align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [`### ${table.title}`, '', row(table.headers), rule, ...table.rows.map((cells) => row(cells.map((c) => c.text)))].join('\n');
};

const quote = (text: string): string => `"${text.replace(/"/g, "'")}"`;

/** A Mermaid xychart-beta bar chart of mean total time per model × variant at one level. */
export const meanTimeChart = (report: CompareReport, concurrency: number): string => {
  const results = report.results.filter((r) => r.concurrency === concurrency && r.runs > 0);
  const top = Math.max(1, ...results.map((r) => r.totalMs.mean));
  return [
    '```mermaid',
    'xychart-beta',
    `    title ${quote(`Mean total time, ${formatCount(concurrency)} requests per load`)}`,
    `    x-axis [${results.map((r) => quote(report.variants.length > 1 ? `${contenderLabel(r)} ${r.variant}` : contenderLabel(r))).join(', ')}]`,
    `    y-axis "ms" 0 --> ${Math.ceil(top * 1.1)}`,
    `    bar [${results.map((r) => formatMs(r.totalMs.mean)).join(', ')}]`,
    '```',
  ].join('\n');
};

/**
 * The report as markdown: a header, per concurrency level a Mermaid bar chart and the timing and
 * data tables, the scaling table when there are several levels, and the rules.
 */
export const formatMarkdown = (report: CompareReport): string => {
  const [title = '', settings = '', pairing = ''] = reportHeader(report);
  const tables = reportTables(report).map(renderMarkdownTable);
  const perLevel = report.concurrency.flatMap((c, i) => [meanTimeChart(report, c), ...tables.slice(LEVEL_TABLES * i, LEVEL_TABLES * (i + 1))]);
  const rules = Object.entries(REPORT_RULES).map(([name, rule]) => `- **${name}**: ${rule}`);
  return [`## ${title}`, settings, pairing, ...perLevel, ...tables.slice(LEVEL_TABLES * report.concurrency.length), '### Rules', rules.join('\n')].join('\n\n') + '\n';
};
