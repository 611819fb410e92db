import { describe, expect, it } from 'vitest';
import { describeFault, parseFaultFlag, parseFaultSpec } from '../../src/domain/fault-spec.js';

describe('parseFaultFlag', () => {
  it.each([
    ['categorias=timeout', 'categorias', { kind: 'timeout' }],
    ['perfil=error:503', 'perfil', { kind: 'error', status: 503 }],
    ['perfil=error', 'perfil', { kind: 'error', status: 500 }],
    ['productos=latency:300', 'productos', { kind: 'latency', ms: 300 }],
    ['productos=slow-body:2000', 'productos', { kind: 'slow-body', ms: 2000 }],
    ['categorias=reset', 'categorias', { kind: 'reset' }],
    ['categorias=malformed', 'categorias', { kind: 'malformed' }],
    ['perfil=none', 'perfil', { kind: 'none' }],
  ])('reads %s', (text, endpoint, fault) => {
    expect(parseFaultFlag(text)).toEqual({ ok: true, value: { endpoint, fault } });
  });

  it.each([
    ['categorias', 'expected ENDPOINT=KIND[:PARAM]'],
    ['carrito=timeout', 'unknown endpoint "carrito"'],
    ['perfil=explode', 'unknown kind "explode"'],
    ['perfil=error:200', 'status: Too small'],
    ['perfil=timeout:5', 'timeout takes no parameter'],
  ])('rejects %s naming the problem', (text, message) => {
    const parsed = parseFaultFlag(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('parseFaultSpec', () => {
  it('rejects unknown fields by name', () => {
    const parsed = parseFaultSpec({ kind: 'timeout', sometimes: true });
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('sometimes') });
  });

  it('rejects a probability above 1 naming the field', () => {
    const parsed = parseFaultSpec({ kind: 'reset', probability: 2 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^probability: /);
  });
});

describe('describeFault', () => {
  it('labels faults compactly', () => {
    expect(describeFault({ kind: 'error', status: 503, times: 1 })).toBe('error 503 ×1');
    expect(describeFault({ kind: 'latency', ms: 200, jitterMs: 50, probability: 0.5 })).toBe('latency 200ms±50 p=0.5');
    expect(describeFault({ kind: 'none' })).toBe('none');
  });
});
