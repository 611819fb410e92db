import type { CompareReport } from '../compare/report/report-schema.js';
import type { ModelId } from '../domain/models.js';

/** The measured size of one model's implementation, in lines of code. */
export interface CodeSize {
  readonly model: ModelId;
  /** The load as written in the idiom. */
  readonly loadFiles: readonly string[];
  /** Lines of the load's correct variant (naive variants left out). */
  readonly loadLines: number;
  /** Support the idiom needs in Node (an executor, a gather) that Python ships in its standard library. */
  readonly supportFiles: readonly string[];
  readonly supportLines: number;
}

/** Everything the analysis document's generated sections are computed from. */
export interface AnalysisInputs {
  /** Three requests, no faults, correct variants: claims 1, 2 and the first-result row of 5. */
  readonly baseline: CompareReport;
  /** The seed's case (timeout on /categorias), both variants: claim 4 and the naive losses. */
  readonly categoriasTimeout: CompareReport;
  /** The in-flight sweep (10 to 300 requests at once), correct variants: claim 3 and the 100+ row of 5. */
  readonly scale: CompareReport;
  /** Async/await against callbacks and futures on worker threads: the thread half of claims 2 and 3. */
  readonly threads: ThreadInputs;
  readonly codeSizes: readonly CodeSize[];
  /** Per model, the excerpt of its real source (the `lesson` region). */
  readonly excerpts: Readonly<Record<ModelId, string>>;
  /** One line describing where and how the figures were measured. */
  readonly environment: string;
  /** The command that regenerates the document. */
  readonly command: string;
}

/** The thread comparisons: async/await (on the loop) against callbacks and futures on the threads executor, correct variants. */
export interface ThreadInputs {
  /** The page's three requests, without and with CPU work on each response (claim 2). */
  readonly page: CompareReport;
  readonly pageWork: CompareReport;
  /** The in-flight sweep, without and with CPU work on each response (claim 3). */
  readonly sweep: CompareReport;
  readonly sweepWork: CompareReport;
}
