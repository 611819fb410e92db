import type { Observable } from 'rxjs';
import type { LoadRequest } from '../../domain/load-request.js';
import type { TransportError, TransportResponse } from '../../domain/transport.js';

/** A request's result as a value: its data, or its final error (what a reactive lesson's pipeline emits). */
export type RequestResult = { readonly requestId: number; readonly response: TransportResponse } | { readonly requestId: number; readonly error: unknown };

/**
 * What a lesson is handed: the load's options, the one call it makes per attempt, and the page it
 * shows results on. Everything behind it (events and their timestamps, the transport, the deadline,
 * aborting on cancel, seeded backoff) is the boundary's, so a lesson holds only its idiom.
 */
export interface LoadPage {
  readonly request: LoadRequest;
  /** 0 … requests-1; request i targets `ENDPOINTS[i % 3]`. */
  readonly requestIds: readonly number[];
  /**
   * Attempt `attempt` of request `requestId`: resolves with the validated data or rejects with a
   * `TransportError`. Once the load is cancelled it rejects and sends nothing. The loads of a process
   * start at most `STARTS_PER_TURN` attempts per event-loop turn between them; the others wait for
   * the next turns, each load's in order.
   */
  get(requestId: number, attempt: number): Promise<TransportResponse>;
  /** How long to wait before retrying after failed attempt `attempt` (seeded full-jitter backoff). */
  backoff(requestId: number, attempt: number, error: TransportError): number;
  /** Resolves after `ms`; rejects if the load is cancelled first. */
  sleep(ms: number): Promise<void>;
  /** Calls `callback` after `ms`, unless the load is cancelled first. */
  later(ms: number, callback: () => void): void;
  /** Shows request `requestId`'s data on the page. */
  show(requestId: number, response: TransportResponse): void;
  /** Shows request `requestId`'s error in its place; the rest of the page is unaffected. */
  showError(requestId: number, error: unknown): void;
  /** Replaces the whole page with one error: every result not shown yet is lost (a naive variant's ending). */
  showErrorPage(error: unknown): void;
  /** The load is over (lessons that return neither a promise nor an Observable call it). */
  finish(): void;
  /** Runs `teardown` when the load ends or is cancelled. */
  onTeardown(teardown: () => void): void;
}

/**
 * One variant of a model's load. It returns a promise (the load ends when it settles), an Observable
 * of results (ends when it completes), or nothing (it calls `finish`). A rejection or stream error
 * that is a request's failure is shown as an error page; anything else is a bug.
 */
export type Lesson = (page: LoadPage) => void | Promise<void> | Observable<RequestResult>;
