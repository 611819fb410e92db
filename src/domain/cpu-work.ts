/** Rows of the page's product view built per unit of work. */
const ROWS_PER_UNIT = 16;
/** Every row is cut or padded to this many characters, so a unit costs the same whatever the payload. */
const ROW_CHARS = 48;

/** The rows a payload offers the view: `nombre` and `precio`/`id` of each item (an object is one item). */
const viewRows = (data: unknown): { readonly name: string; readonly figure: number }[] => {
  const items = Array.isArray(data) ? data : [data];
  const rows = items.map((item) => {
    const { nombre, precio, id } = (typeof item === 'object' && item !== null ? item : {}) as { nombre?: unknown; precio?: unknown; id?: unknown };
    return { name: typeof nombre === 'string' ? nombre : '?', figure: typeof precio === 'number' ? precio : typeof id === 'number' ? id : 0 };
  });
  return rows.length > 0 ? rows : [{ name: '?', figure: 0 }];
};

/** FNV-1a over the UTF-16 code units of `text`, continuing from `hash`. */
const fnv1a = (text: string, hash: number): number => {
  let h = hash;
  for (let index = 0; index < text.length; index += 1) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193);
  return h >>> 0;
};

/**
 * CPU work on one response, deterministic: builds `units` times the page's view of the payload (each
 * unit formats {@link ROWS_PER_UNIT} rows "n. name ……… price €" of fixed width, taking the items
 * in turn) and returns a digest of every row built, so nothing can be optimised away. The same data
 * and units always give the same digest and cost the same work, on the event loop or in a worker; how
 * many units make N ms on this machine is measured by `unitsForMs` (src/models/runtime/cpu-work-units.ts).
 *
 * @example buildProductView([{ nombre: 'Miel', precio: 5.5 }], 3) // the same number every time
 */
export const buildProductView = (data: unknown, units: number): number => {
  const rows = viewRows(data);
  let digest = 0x811c9dc5;
  for (let unit = 0; unit < units; unit += 1) {
    for (let row = 0; row < ROWS_PER_UNIT; row += 1) {
      const index = unit * ROWS_PER_UNIT + row;
      const { name, figure } = rows[index % rows.length] as { name: string; figure: number };
      const price = `${((figure * (1 + (index % 7) / 100)) / 1).toFixed(2)} €`;
      const label = `${index + 1}. ${name} `;
      digest = fnv1a(label.padEnd(ROW_CHARS - price.length, '.').slice(0, ROW_CHARS - price.length) + price, digest);
    }
  }
  return digest;
};
