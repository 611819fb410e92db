import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/domain/fault-spec.js';
import { FaultBook } from '../../src/server/fault-book.js';

describe('FaultBook', () => {
  it('starts with the given faults and none elsewhere', () => {
    expect(new FaultBook({ perfil: { kind: 'timeout' } }).all).toEqual({ ...NO_FAULTS, perfil: { kind: 'timeout' } });
  });

  it('counts down `times` on each hit and clears the fault after the last', () => {
    const book = new FaultBook();
    book.set('categorias', { kind: 'error', status: 503, times: 2 });
    book.hit('categorias');
    expect(book.get('categorias')).toEqual({ kind: 'error', status: 503, times: 1 });
    book.hit('categorias');
    expect(book.get('categorias')).toEqual({ kind: 'none' });
  });

  it('keeps a fault without `times` however often it hits', () => {
    const book = new FaultBook({ productos: { kind: 'reset' } });
    book.hit('productos');
    book.hit('productos');
    expect(book.get('productos')).toEqual({ kind: 'reset' });
  });

  it('clears every endpoint at once', () => {
    const book = new FaultBook({ productos: { kind: 'reset' }, perfil: { kind: 'malformed' } });
    book.clear();
    expect(book.all).toEqual(NO_FAULTS);
  });

  it('hands out copies, so callers cannot change its state', () => {
    const book = new FaultBook();
    const all = book.all as Record<string, unknown>;
    all.perfil = { kind: 'reset' };
    expect(book.get('perfil')).toEqual({ kind: 'none' });
  });
});
