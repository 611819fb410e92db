import type { Endpoint } from './endpoints.js';
import type { FailureReason } from './events.js';

/** The HTTP clients a {@link Transport} can be built on; `axios` is the default. */
export const TRANSPORT_KINDS = ['axios', 'undici'] as const;

/** `axios` or `undici`. */
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

/** True when `value` names a transport kind. */
export const isTransportKind = (value: string): value is TransportKind => (TRANSPORT_KINDS as readonly string[]).includes(value);

/** One HTTP call a model asks of the transport. */
export interface TransportCall {
  readonly endpoint: Endpoint;
  readonly requestId: number;
  /** Total deadline for this attempt: connect, headers and body. */
  readonly deadlineMs: number;
  /** Aborting it cancels the request and destroys its socket. */
  readonly signal?: AbortSignal;
}

/** A validated response: the body parsed as strict JSON and checked against the endpoint's shape. */
export interface TransportResponse {
  readonly status: number;
  readonly data: unknown;
  readonly items: number;
}

/**
 * The one HTTP transport every model shares. `get` resolves with validated data or rejects with a
 * {@link TransportError}, never anything else.
 */
export interface Transport {
  get(call: TransportCall): Promise<TransportResponse>;
}

/** A transport failure, already classified into a reason. */
export class TransportError extends Error {
  /** Brand, so the guard works across module copies. */
  readonly isTransportError = true as const;
  override readonly name = 'TransportError';

  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** True when `error` is a {@link TransportError}. */
export const isTransportError = (error: unknown): error is TransportError =>
  typeof error === 'object' && error !== null && (error as { isTransportError?: unknown }).isTransportError === true;
