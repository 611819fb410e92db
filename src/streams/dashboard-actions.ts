import type { Endpoint } from '../domain/endpoints.js';
import type { ArenaEvent } from '../domain/events.js';
import type { ExecutorKind } from '../domain/load-request.js';
import type { Variant } from '../domain/models.js';
import type { FaultOp } from './fault-plan.js';

/** Columns and rows of the terminal. */
export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** Everything that changes the dashboard's state. `at` is the scheduler's clock (ms). */
export type DashboardAction =
  | { readonly type: 'round-started'; readonly at: number; readonly variant: Variant }
  /** One event of a model's load; `executor` tells which of its panels it belongs to (default `loop`). */
  | { readonly type: 'arena-event'; readonly event: ArenaEvent; readonly executor?: ExecutorKind }
  | { readonly type: 'round-ended'; readonly at: number }
  /** The clock moved during a round (drives spinners and elapsed times). */
  | { readonly type: 'tick'; readonly at: number }
  | { readonly type: 'fault-changed'; readonly op: FaultOp }
  | { readonly type: 'variant-changed'; readonly variant: Variant }
  | { readonly type: 'auto-changed'; readonly auto: boolean }
  | { readonly type: 'selected'; readonly endpoint: Endpoint }
  | { readonly type: 'help-toggled' }
  | { readonly type: 'message'; readonly text: string }
  | { readonly type: 'resized'; readonly size: TerminalSize }
  /** A round ended without any answer from the target (`why`: the first failure); the next waits `retryInMs`. */
  | { readonly type: 'target-down'; readonly why: string; readonly retryInMs: number }
  /** A round got answers again after the target was down. */
  | { readonly type: 'target-back' };
