import { formatCsv } from './format-csv.js';
import { formatMarkdown } from './format-markdown.js';
import { formatTable } from './format-table.js';
import type { CompareReport } from './report-schema.js';

/** The output formats of `compare`. */
export const REPORT_FORMATS = ['table', 'json', 'markdown', 'csv'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report in a format; `color` only affects `table`. */
export const formatReport = (report: CompareReport, format: ReportFormat, options: { readonly color: boolean }): string => {
  switch (format) {
    case 'table':
      return formatTable(report, options);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return formatMarkdown(report);
    case 'csv':
      return formatCsv(report);
  }
};
