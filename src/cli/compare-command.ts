import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import type { FailOnKind } from '../domain/fail-on.js';
import { LIMITS } from '../domain/limits.js';
import type { ExecutorKind } from '../domain/load-request.js';
import type { ModelId } from '../domain/models.js';
import type { TransportKind } from '../domain/transport.js';
import { correctVariantTally } from '../compare/correct-variant-tally.js';
import { executorsProblem } from '../compare/contender.js';
import { buildPlan, type ComparePlan } from '../compare/plan.js';
import { buildReport } from '../compare/report/build-report.js';
import { REPORT_FORMATS, formatReport, type ReportFormat } from '../compare/report/format-report.js';
import { measurePlan } from '../compare/runner/measure-plan.js';
import { loadScenario } from '../compare/scenario/load-scenario.js';
import type { VariantChoice } from '../compare/scenario/scenario-schema.js';
import { faultsNeedingControl } from '../compare/runner/uncontrolled-target.js';
import { probeControlApi } from '../server/index.js';
import { arenaUsageError } from './arena-errors.js';
import { checkReachable } from './check-reachable.js';
import { concurrencyList, executorList, inFlightList, marginPercent, modelList } from './compare-options.js';
import { workMsOption } from './executor-options.js';
import { progressWriter } from './compare-progress.js';
import { applyFailOn, FAIL_ON_HELP, failOnList } from './fail-on-option.js';
import { httpUrl, integerIn, transportOption } from './options.js';
import { checkOutFile } from './out-file.js';
import { untilSignal } from './until-signal.js';
import { UsageError } from './usage-error.js';

interface CompareFlags {
  scenario: string;
  runs?: number;
  warmup?: number;
  models?: ModelId[];
  executors?: ExecutorKind[];
  workMs?: number;
  variant?: VariantChoice;
  concurrency?: number[];
  inFlight?: number[];
  margin?: number;
  seed?: number;
  transport?: TransportKind;
  target?: string;
  format: ReportFormat;
  out?: string;
  failOn?: FailOnKind[];
}

/**
 * Checks a `--target` before measuring and says whether it has the control API. Any server with the
 * three endpoints can be measured; a scenario with faults needs the control API (exit 2 without it).
 */
const checkTarget = async (plan: ComparePlan, target: string): Promise<boolean> => {
  const controlApi = await probeControlApi(target);
  const needs = controlApi ? undefined : faultsNeedingControl(plan);
  if (needs !== undefined) throw new UsageError(`--target ${target} has no async-arena control API, and scenario ${plan.scenario} needs one: ${needs} (pick a scenario without faults, e.g. baseline)`);
  if (!controlApi) await checkReachable(target);
  if (Object.keys(plan.latency).length > 0) process.stderr.write(`async-arena: note: --target keeps its own latencies; the scenario's are not applied\n`);
  if (!controlApi) process.stderr.write(`async-arena: note: --target has no control API: the server cross-check is unavailable (marked in the report)\n`);
  return controlApi;
};

/** Color in the table only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
const colorAllowed = (out: string | undefined): boolean => out === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;

const writeReport = async (text: string, out: string | undefined): Promise<void> => {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  await writeFile(out, text).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--out ${out}: cannot write (${error.code ?? error.message})`);
  });
};

/** Measures a plan, with progress on a terminal stderr only; a server that cannot start or be steered is exit 1. */
const measure = async (plan: ComparePlan, target: string | undefined, controlApi: boolean, stop: AbortSignal) => {
  const progress = process.stderr.isTTY ? progressWriter(process.stderr) : undefined;
  try {
    return await measurePlan(plan, { target, controlApi, onProgress: progress?.update, stop });
  } catch (error) {
    throw arenaUsageError(error, target);
  } finally {
    progress?.clear();
  }
};

/**
 * `async-arena compare`: runs the models on a scenario, interleaved in a seeded order, one load at a
 * time, and prints the statistics as a table, JSON, markdown or CSV. Flags override the scenario.
 */
export const compareCommand = (): Command =>
  new Command('compare')
    .description('Run the models repeatedly on a scenario, interleaved, and report time, data kept and lost, and whether differences are meaningful.')
    .option('--scenario <name|file>', 'a built-in scenario (see `async-arena scenarios`) or a .yaml/.yml/.json file', 'baseline')
    .option('--runs <n>', 'measured runs per model × variant × level', integerIn(LIMITS.runs))
    .option('--warmup <n>', 'warm-up runs before them (not counted)', integerIn(LIMITS.warmup))
    .option('--models <list>', 'models to run, comma-separated, e.g. callbacks,reactive', modelList)
    .option('--executors <list>', 'where callbacks and futures run, comma-separated: loop, threads or loop,threads (each its own contender, e.g. "futures (threads)"; async-await and reactive always run on the loop)', executorList)
    .addOption(workMsOption().default(undefined))
    .addOption(new Option('--variant <variant>', 'correct, naive or both').choices(['correct', 'naive', 'both']))
    .option('--concurrency <list>', 'requests per load, comma-separated levels, e.g. 3,30,300,3000', concurrencyList)
    .option('--in-flight <list>', 'sweep requests in flight, comma-separated, e.g. 10,100,1000,5000 (each load sends 2 × that many requests; replaces --concurrency)', inFlightList)
    .option('--margin <pct>', 'equivalence margin of the paired comparisons, percent (default 5): ratios within ±margin count as no practical difference', marginPercent)
    .option('--seed <n>', 'seed of the run order, the server and the statistics', integerIn(LIMITS.seed))
    .addOption(transportOption())
    .option('--target <url>', 'measure against a running `async-arena serve` instead of starting one', httpUrl)
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('table'))
    .option('--out <file>', 'write the report to a file instead of stdout (checked before anything is measured)')
    .option('--fail-on <list>', `${FAIL_ON_HELP}; counts the correct variants only`, failOnList)
    .action(async (flags: CompareFlags) => {
      const scenario = await loadScenario(flags.scenario);
      if (!scenario.ok) throw new UsageError(scenario.error);
      if (flags.inFlight !== undefined && flags.concurrency !== undefined) throw new UsageError('give --concurrency or --in-flight, not both');
      const plan = buildPlan(scenario.value, flags);
      const executorsWrong = executorsProblem(plan.models, plan.executors);
      if (executorsWrong !== undefined) throw new UsageError(`${flags.executors ? '--executors' : `scenario ${plan.scenario}`}: ${executorsWrong}`);
      if (flags.out !== undefined) await checkOutFile(flags.out);
      const controlApi = flags.target === undefined || (await checkTarget(plan, flags.target));
      // Ctrl+C (or SIGTERM) lets the load in progress finish, then the report of what was measured is written, marked partial.
      const signal = untilSignal();
      const stop = new AbortController();
      let stoppedBy: number | undefined;
      void signal.stopped.then((code) => {
        stoppedBy = code;
        stop.abort();
      });
      const measured = await measure(plan, flags.target, controlApi, stop.signal).finally(() => signal.dispose());
      const report = buildReport(plan, measured.runs, { transport: measured.transport, serverCheck: controlApi ? 'measured' : 'unavailable', partial: stoppedBy !== undefined });
      await writeReport(formatReport(report, flags.format, { color: colorAllowed(flags.out) }), flags.out);
      if (stoppedBy !== undefined) {
        process.exitCode = stoppedBy;
        return;
      }
      applyFailOn(flags.failOn, correctVariantTally(measured.runs), 'correct variants; naive ones lose data on purpose');
    });
