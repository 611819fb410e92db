/**
 * How the benchmarks write docs/benchmarks.md: each `npm run bench:*` replaces its own generated
 * section (between `<!-- generated:NAME -->` markers, as `npm run analysis` does for docs/analysis.md)
 * with its tables, the machine and date, and the goals met or missed; the prose around stays.
 * `--no-doc` leaves the document alone (a trial run).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { replaceGeneratedSections } from '../src/analysis/generated-sections.js';

const DOC = new URL('../docs/benchmarks.md', import.meta.url);

/** The generated section each benchmark writes. */
export const BENCH_SECTIONS = { server: 'bench-server', models: 'bench-models', dashboard: 'bench-dashboard', threads: 'threads' } as const;

/** The machine's load and the time when the benchmark started: this module loads with it, before anything is measured. */
const runStart = { load: loadavg()[0], at: new Date() };

/** One line naming the machine and its load when the run started, e.g. `Node v20.20.2, 2 cores (…), load average 1.2 when the run started; 2026-11-30 02:10 UTC`. */
export const machineLine = (): string => {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const at = runStart.at.toISOString().slice(0, 16).replace('T', ' ');
  return `Node ${process.version}, ${cpus().length} cores (${cpu}), load average ${runStart.load?.toFixed(1)} when the run started; ${at} UTC.`;
};

/** `met` or `missed`, in bold, for a goal stated from the figures. */
export const verdict = (met: boolean): string => (met ? '**met**' : '**missed**');

/** A markdown table from a header row and body rows. */
export const markdownTable = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

/** Replaces the section `name` of docs/benchmarks.md with `markdown`, unless `--no-doc` was given. */
export const writeBenchSection = async (name: (typeof BENCH_SECTIONS)[keyof typeof BENCH_SECTIONS], markdown: string): Promise<void> => {
  if (process.argv.includes('--no-doc')) return;
  const doc = await readFile(DOC, 'utf8');
  await writeFile(DOC, replaceGeneratedSections(doc, { [name]: markdown }));
  process.stderr.write(`rewrote the "${name}" section of docs/benchmarks.md\n`);
};
