import { describe, expect, it } from 'vitest';
import { padForDribble, SLOW_BODY_TICK_MS } from '../../src/server/slow-body.js';

describe('padForDribble', () => {
  const perfil = Buffer.from(JSON.stringify({ id: 1, nombre: 'Ana', email: 'ana@example.com' }));

  it('gives a short body one byte per tick, so no pause of a long dribble exceeds the tick', () => {
    const padded = padForDribble(perfil, 10_000);
    expect(padded.length).toBeGreaterThanOrEqual(Math.ceil(10_000 / SLOW_BODY_TICK_MS));
    expect(10_000 / padded.length).toBeLessThanOrEqual(SLOW_BODY_TICK_MS);
  });

  it('keeps the same JSON (leading white space only)', () => {
    expect(JSON.parse(padForDribble(perfil, 10_000).toString())).toEqual(JSON.parse(perfil.toString()));
    expect(padForDribble(perfil, 10_000).toString().trimStart()).toBe(perfil.toString());
  });

  it('leaves a body that is long enough as it is', () => {
    expect(padForDribble(perfil, 100)).toBe(perfil);
  });
});
