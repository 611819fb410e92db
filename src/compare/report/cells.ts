/** How a cell should stand out when color is allowed. */
export type Tone = 'good' | 'bad' | 'muted';

/** One table cell: its text and, optionally, a tone. */
export interface Cell {
  readonly text: string;
  readonly tone?: Tone;
}

/** A table independent of its rendering (terminal or markdown). */
export interface TableData {
  readonly title: string;
  readonly headers: readonly string[];
  /** Per column: numbers align right. */
  readonly align: readonly ('left' | 'right')[];
  readonly rows: readonly (readonly Cell[])[];
}

/** A plain cell. */
export const cell = (text: string, tone?: Tone): Cell => (tone === undefined ? { text } : { text, tone });

/** Milliseconds with precision that suits their size: `0.153`, `2.41`, `251.3`. */
export const formatMs = (ms: number): string => (Math.abs(ms) < 1 ? ms.toFixed(3) : Math.abs(ms) < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** A p-value to three decimals, or `<0.001`. */
export const formatP = (p: number): string => (p < 0.001 ? '<0.001' : p.toFixed(3));

/** A whole number with thousands separators: `10,000`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
