import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/domain/fault-spec.js';
import { applyFaultOp, planFault } from '../../src/streams/fault-plan.js';

describe('planFault', () => {
  it('puts the key’s fault on the selected endpoint', () => {
    expect(planFault('perfil', NO_FAULTS, { type: 'fault', fault: 'error' })).toEqual({ type: 'set', endpoint: 'perfil', fault: { kind: 'error', status: 500 } });
    expect(planFault('productos', NO_FAULTS, { type: 'fault', fault: 'slow-body' })).toEqual({ type: 'set', endpoint: 'productos', fault: { kind: 'slow-body', ms: 3000 } });
  });

  it('adds latency on top of the latency already there, replacing other faults', () => {
    const once = applyFaultOp(NO_FAULTS, planFault('perfil', NO_FAULTS, { type: 'fault', fault: 'add-latency' })!);
    const twice = planFault('perfil', once, { type: 'fault', fault: 'add-latency' });
    expect(twice).toEqual({ type: 'set', endpoint: 'perfil', fault: { kind: 'latency', ms: 1000 } });
    const overTimeout = planFault('perfil', { ...NO_FAULTS, perfil: { kind: 'timeout' } }, { type: 'fault', fault: 'add-latency' });
    expect(overTimeout).toEqual({ type: 'set', endpoint: 'perfil', fault: { kind: 'latency', ms: 500 } });
  });

  it('toggles the seed’s case on /categorias whatever is selected', () => {
    const on = planFault('perfil', NO_FAULTS, { type: 'toggle-case' })!;
    expect(on).toEqual({ type: 'set', endpoint: 'categorias', fault: { kind: 'timeout' } });
    expect(planFault('perfil', applyFaultOp(NO_FAULTS, on), { type: 'toggle-case' })).toEqual({ type: 'set', endpoint: 'categorias', fault: { kind: 'none' } });
  });

  it('clears one endpoint or all of them', () => {
    expect(planFault('categorias', NO_FAULTS, { type: 'clear-selected' })).toEqual({ type: 'set', endpoint: 'categorias', fault: { kind: 'none' } });
    expect(planFault('categorias', NO_FAULTS, { type: 'clear-all' })).toEqual({ type: 'clear' });
    expect(applyFaultOp({ ...NO_FAULTS, perfil: { kind: 'reset' } }, { type: 'clear' })).toEqual(NO_FAULTS);
  });

  it('leaves non-fault commands alone', () => {
    expect(planFault('productos', NO_FAULTS, { type: 'run' })).toBeUndefined();
    expect(planFault('productos', NO_FAULTS, { type: 'select', endpoint: 'perfil' })).toBeUndefined();
  });
});
