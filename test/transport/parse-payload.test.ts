import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../src/transport/parse-payload.js';

describe('parsePayload', () => {
  it('parses a body of the right shape and counts its items', () => {
    expect(parsePayload('categorias', 200, '[{"id":1,"nombre":"Lácteos"},{"id":2,"nombre":"Bebidas"}]')).toEqual({
      status: 200,
      data: [
        { id: 1, nombre: 'Lácteos' },
        { id: 2, nombre: 'Bebidas' },
      ],
      items: 2,
    });
    expect(parsePayload('perfil', 200, '{"id":42,"nombre":"Lucía","email":"l@e.example"}').items).toBe(1);
  });

  it.each([
    ['truncated JSON', '[{"id":1,"nombre":"Lác'],
    ['an empty body', ''],
    ['a plain string', 'OK'],
  ])('rejects %s as malformed instead of passing a string off as data', (_, body) => {
    expect(() => parsePayload('categorias', 200, body)).toThrow(expect.objectContaining({ reason: 'malformed', message: expect.stringContaining('invalid JSON') }));
  });

  it('rejects valid JSON of the wrong shape as malformed, naming the field', () => {
    expect(() => parsePayload('perfil', 200, '{"id":42,"nombre":"Lucía"}')).toThrow(expect.objectContaining({ reason: 'malformed', message: expect.stringContaining('email') }));
    expect(() => parsePayload('productos', 200, '{"items":[]}')).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });
});
