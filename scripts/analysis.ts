/**
 * `npm run analysis`: runs the comparisons docs/analysis.md needs and rewrites its generated sections
 * (tables, charts, verdicts, code excerpts, line counts), leaving the hand-written prose alone.
 * Also writes the raw reports to docs/analysis-data.json so the figures can be checked.
 *
 * `--check` only verifies that the document's markers are well-formed and match the generator.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { CLI_HEAP_FLAG } from '../bench/cli-heap-flag.js';
import { cpus } from 'node:os';
import { analysisPlans, EXCERPT_FILES, MODEL_FILES } from '../src/analysis/analysis-plans.js';
import { analysisSections } from '../src/analysis/analysis-sections.js';
import { countCodeLines, extractRegion, withoutNaive } from '../src/analysis/code-metrics.js';
import { checkGeneratedSections, replaceGeneratedSections } from '../src/analysis/generated-sections.js';
import { contendersOf } from '../src/domain/contender.js';
import type { ComparePlan } from '../src/compare/plan.js';
import { buildReport } from '../src/compare/report/build-report.js';
import { measurePlan } from '../src/compare/runner/measure-plan.js';
import { MODEL_IDS, type ModelId } from '../src/domain/models.js';

// The heap setting the CLI runs with (bin/async-arena.js), so memory figures agree with docs/benchmarks.md.
setFlagsFromString(CLI_HEAP_FLAG);

const DOC = 'docs/analysis.md';
const DATA = 'docs/analysis-data.json';

const text = (file: string) => readFile(file, 'utf8');

const measure = async (name: string, plan: ComparePlan) => {
  const started = performance.now();
  process.stderr.write(`analysis: ${name} (${plan.runs} repetitions × ${contendersOf(plan.models, plan.executors).length} contenders × ${plan.variants.length} variants × ${plan.concurrency.length} levels)…`);
  const measured = await measurePlan(plan);
  const report = buildReport(plan, measured.runs, { transport: measured.transport });
  process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return report;
};

/** Code lines of files, their naive variants left out. */
const linesOf = async (files: readonly string[]) => (await Promise.all(files.map(text))).reduce((sum, source) => sum + countCodeLines(withoutNaive(source)), 0);

const codeSizes = () =>
  Promise.all(
    MODEL_IDS.map(async (model) => {
      const { load, support } = MODEL_FILES[model];
      return { model, loadFiles: load, loadLines: await linesOf(load), supportFiles: support, supportLines: await linesOf(support) };
    }),
  );

const excerpts = async (): Promise<Record<ModelId, string>> => {
  const entries = await Promise.all(
    MODEL_IDS.map(async (model) => {
      const regions = await Promise.all(EXCERPT_FILES[model].map(async (file) => extractRegion(await text(file), 'lesson') ?? `// no lesson region in ${file}`));
      return [model, regions.join('\n\n')] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ModelId, string>;
};

const main = async (): Promise<void> => {
  const doc = await text(DOC);
  const problems = checkGeneratedSections(doc);
  if (problems.length > 0) throw new Error(`${DOC}: ${problems.join('; ')}`);
  if (process.argv.includes('--check')) return;

  const plans = analysisPlans();
  const started = performance.now();
  const baseline = await measure('baseline', plans.baseline);
  const categoriasTimeout = await measure('categorias-timeout', plans.categoriasTimeout);
  const scale = await measure('scale', plans.scale);
  const threads = {
    page: await measure('threads, 3 requests', plans.threadsPage),
    pageWork: await measure(`threads, 3 requests, ${plans.threadsPageWork.workMs} ms of work`, plans.threadsPageWork),
    sweep: await measure('threads, in-flight sweep', plans.threadsSweep),
    sweepWork: await measure(`threads, in-flight sweep, ${plans.threadsSweepWork.workMs} ms of work`, plans.threadsSweepWork),
  };
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const environment = `Node ${process.version}, ${cpus().length} cores (${cpu}), ${new Date().toISOString().slice(0, 10)}; the whole run took ${((performance.now() - started) / 60_000).toFixed(1)} minutes.`;
  const sections = analysisSections({ baseline, categoriasTimeout, scale, threads, codeSizes: await codeSizes(), excerpts: await excerpts(), environment, command: 'npm run analysis' });
  await writeFile(DOC, replaceGeneratedSections(doc, sections));
  await writeFile(DATA, `${JSON.stringify({ baseline, categoriasTimeout, scale, threads }, null, 2)}\n`);
  process.stderr.write(`analysis: rewrote ${DOC} and ${DATA}\n`);
};

await main();
