import { describe, expect, it } from 'vitest';
import { emptyRow, reduceRow, settleRow } from '../../src/streams/endpoint-row.js';
import { formatMs } from '../../src/ui/format-ms.js';
import { chooseLayout } from '../../src/ui/layout.js';
import { rowText } from '../../src/ui/row-text.js';
import { sanitizeText } from '../../src/domain/sanitize-text.js';
import { sparkline } from '../../src/ui/sparkline.js';
import { eventsOf } from '../streams/fixtures.js';

const e = eventsOf('reactive');

describe('sanitizeText', () => {
  it('removes escape sequences and turns other control characters into spaces', () => {
    expect(sanitizeText('a\u001b[31mred\u001b[0m\tb\r\nc\u0085d\u007f')).toBe('ared b  c d ');
  });

  it('leaves ordinary text, accents and symbols alone', () => {
    expect(sanitizeText('categorías ✓ 52ms')).toBe('categorías ✓ 52ms');
  });
});

describe('formatMs', () => {
  it('keeps durations short', () => {
    expect([formatMs(52.4), formatMs(999), formatMs(1234), formatMs(34_567)]).toEqual(['52ms', '999ms', '1.2s', '35s']);
  });
});

describe('sparkline', () => {
  it('scales to the largest value and shows only the newest values that fit', () => {
    expect(sparkline([1, 2, 4, 8], 10)).toBe('▁▂▄█');
    expect(sparkline([8, 1, 8], 2)).toBe('▁█');
  });
});

describe('rowText', () => {
  it('shows counts when an endpoint has many requests, LOST first', () => {
    let row = emptyRow(3);
    for (const event of [e.start(0, 'perfil'), e.start(3, 'perfil'), e.start(6, 'perfil'), e.arrived(0, 'perfil', 5), e.success(0, 'perfil', 5), e.arrived(3, 'perfil', 6)]) row = reduceRow(row, event);
    expect(rowText(row, 10)).toEqual({ text: '✓1 ✗0 ⋯2', tone: 'busy' });
    row = reduceRow(reduceRow(row, e.failure(3, 'perfil', 9, 'discarded')), e.failure(6, 'perfil', 9, 'timeout'));
    expect(rowText(settleRow(row), 10)).toEqual({ text: 'LOST 1 ✓1 ✗1', tone: 'lost' });
  });
});

describe('chooseLayout', () => {
  it('uses the full layout from 80×18 and the compact one below', () => {
    expect(chooseLayout({ columns: 80, rows: 24 })).toBe('full');
    expect(chooseLayout({ columns: 80, rows: 18 })).toBe('full');
    expect(chooseLayout({ columns: 80, rows: 17 })).toBe('compact');
    expect(chooseLayout({ columns: 79, rows: 40 })).toBe('compact');
  });
});
