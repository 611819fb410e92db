import { describe, expect, it } from 'vitest';
import { buildProductView } from '../../src/domain/cpu-work.js';
import type { Transport } from '../../src/domain/transport.js';
import { measuredUnitsPerMs, unitsForMs } from '../../src/models/runtime/cpu-work-units.js';
import { withCpuWork } from '../../src/models/runtime/request-executor.js';

const PRODUCTS = [
  { id: 1, nombre: 'Miel de romero', precio: 7.5, categoria: 'despensa', stock: 3 },
  { id: 2, nombre: 'Jabón de oliva', precio: 3.2, categoria: 'hogar', stock: 10 },
];

describe('buildProductView', () => {
  it('is deterministic: the same data and units give the same digest', () => {
    expect(buildProductView(PRODUCTS, 40)).toBe(buildProductView(structuredClone(PRODUCTS), 40));
  });

  it('depends on the data and on the amount of work', () => {
    const digest = buildProductView(PRODUCTS, 40);
    expect(buildProductView(PRODUCTS, 41)).not.toBe(digest);
    expect(buildProductView([{ ...PRODUCTS[0], precio: 7.51 }, PRODUCTS[1]], 40)).not.toBe(digest);
  });

  it('does nothing for 0 units', () => {
    expect(buildProductView(PRODUCTS, 0)).toBe(buildProductView({ nombre: 'other' }, 0));
  });

  it('accepts whatever a payload may be: an object, an empty list, values without names', () => {
    for (const data of [{ id: 1, nombre: 'Ana', email: 'a@b.c' }, [], [null, 3, 'x'], null, 'text']) {
      expect(Number.isInteger(buildProductView(data, 3))).toBe(true);
    }
  });
});

describe('unitsForMs', () => {
  it('is 0 for no work, at least 1 unit for any, and proportional to the ms asked', () => {
    expect(unitsForMs(0)).toBe(0);
    expect(unitsForMs(0.0001)).toBe(1);
    expect(measuredUnitsPerMs()).toBeGreaterThan(0);
    expect(Math.abs(unitsForMs(20) - 2 * unitsForMs(10))).toBeLessThanOrEqual(1);
  });
});

describe('withCpuWork', () => {
  it('delivers the response unchanged after the work, and is the transport itself for no work', async () => {
    const response = { status: 200, data: PRODUCTS, items: 2 };
    const transport: Transport = { get: () => Promise.resolve(response) };
    expect(withCpuWork(transport, 0)).toBe(transport);
    expect(await withCpuWork(transport, 10).get({ endpoint: 'productos', requestId: 0, deadlineMs: 1000 })).toBe(response);
  });
});
