import type { Endpoint } from '../domain/endpoints.js';
import { NO_FAULTS, type FaultMap, type FaultSpec } from '../domain/fault-spec.js';
import type { Command, FaultKey } from './commands.js';

/** A change to the server's faults: one endpoint's fault, or all of them cleared. */
export type FaultOp = { readonly type: 'set'; readonly endpoint: Endpoint; readonly fault: FaultSpec } | { readonly type: 'clear' };

/** How long `s` makes a body dribble. */
export const SLOW_BODY_MS = 3000;
/** How much latency each `l` adds. */
export const LATENCY_STEP_MS = 500;
/** The endpoint of the seed's case (`c`). */
export const CASE_ENDPOINT: Endpoint = 'categorias';

const faultFor = (key: FaultKey, current: FaultSpec): FaultSpec => {
  switch (key) {
    case 'timeout':
      return { kind: 'timeout' };
    case 'error':
      return { kind: 'error', status: 500 };
    case 'reset':
      return { kind: 'reset' };
    case 'malformed':
      return { kind: 'malformed' };
    case 'slow-body':
      return { kind: 'slow-body', ms: SLOW_BODY_MS };
    case 'add-latency':
      return { kind: 'latency', ms: (current.kind === 'latency' ? current.ms : 0) + LATENCY_STEP_MS };
  }
};

/**
 * The fault change a command asks for, given the selected endpoint and the faults in force;
 * `undefined` for commands that do not touch faults.
 *
 * @example planFault('perfil', NO_FAULTS, { type: 'fault', fault: 'error' }) // set perfil to error 500
 */
export const planFault = (selected: Endpoint, faults: FaultMap, command: Command): FaultOp | undefined => {
  switch (command.type) {
    case 'fault':
      return { type: 'set', endpoint: selected, fault: faultFor(command.fault, faults[selected]) };
    case 'clear-selected':
      return { type: 'set', endpoint: selected, fault: { kind: 'none' } };
    case 'clear-all':
      return { type: 'clear' };
    case 'toggle-case':
      return { type: 'set', endpoint: CASE_ENDPOINT, fault: faults[CASE_ENDPOINT].kind === 'timeout' ? { kind: 'none' } : { kind: 'timeout' } };
    default:
      return undefined;
  }
};

/** The faults after an operation. */
export const applyFaultOp = (faults: FaultMap, op: FaultOp): FaultMap => (op.type === 'clear' ? NO_FAULTS : { ...faults, [op.endpoint]: op.fault });
