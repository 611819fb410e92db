import type { Endpoint } from '../domain/endpoints.js';

/** A fault the keys can put on the selected endpoint. */
export type FaultKey = 'timeout' | 'error' | 'reset' | 'malformed' | 'slow-body' | 'add-latency';

/** What a key asks the dashboard to do. */
export type Command =
  | { readonly type: 'select'; readonly endpoint: Endpoint }
  | { readonly type: 'fault'; readonly fault: FaultKey }
  | { readonly type: 'clear-selected' }
  | { readonly type: 'clear-all' }
  | { readonly type: 'toggle-case' }
  | { readonly type: 'toggle-variant' }
  | { readonly type: 'run' }
  | { readonly type: 'toggle-auto' }
  | { readonly type: 'toggle-help' }
  /** `interrupted` is true for Ctrl+C, which exits with 130 instead of 0. */
  | { readonly type: 'quit'; readonly interrupted: boolean };
