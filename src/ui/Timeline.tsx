import { Box, Text } from 'ink';
import { ENDPOINTS } from '../domain/endpoints.js';
import type { ModelPanel } from '../streams/model-panel.js';
import { endpointLabel } from './endpoint-label.js';
import { MARBLE_GLYPH, marbleRow, type MarbleCell } from './marble-row.js';

/** Props of {@link Timeline}. */
export interface TimelineProps {
  readonly panel: ModelPanel;
  /** The shared axis (ms) and the round's elapsed time. */
  readonly axisMs: number;
  readonly elapsedMs: number;
  readonly width: number;
  readonly wide: boolean;
}

/** How each cell looks: outcomes in their tone, LOST standing out as in the rows above. */
const CELL_STYLE: Readonly<Record<MarbleCell, { readonly color: string; readonly inverse?: boolean }>> = {
  start: { color: 'yellow' },
  'in-flight': { color: 'yellow' },
  arrived: { color: 'cyan' },
  held: { color: 'cyan' },
  delivered: { color: 'green' },
  retry: { color: 'yellow' },
  backoff: { color: 'gray' },
  failed: { color: 'red' },
  lost: { color: 'magenta', inverse: true },
  idle: { color: 'gray' },
};

/** Consecutive cells of one kind, drawn as one piece of text. */
const runsOf = (cells: readonly MarbleCell[]): { cell: MarbleCell; text: string }[] =>
  cells.reduce<{ cell: MarbleCell; text: string }[]>((runs, cell) => {
    const last = runs.at(-1);
    if (last && last.cell === cell) last.text += MARBLE_GLYPH[cell];
    else runs.push({ cell, text: MARBLE_GLYPH[cell] });
    return runs;
  }, []);

/**
 * The round of one model as a marble diagram: one row per endpoint, one column per slice of a time
 * axis shared by every panel, marking starts, retries, arrivals, deliveries, failures and losses
 * (see `marbleRow`), so parallel requests start together, serial ones step down, and a response
 * held or dropped by the model shows between its arrival and its outcome.
 */
export const Timeline = ({ panel, axisMs, elapsedMs, width, wide }: TimelineProps) => (
  <Box flexDirection="column">
    {ENDPOINTS.map((endpoint) => {
      const label = endpointLabel(endpoint, wide);
      const cells = marbleRow(panel.rows[endpoint], axisMs, width - label.length - 1, elapsedMs);
      return (
        <Text key={endpoint} wrap="truncate-end">
          <Text color="gray">{label}</Text>{' '}
          {runsOf(cells).map((run, index) => (
            <Text key={index} color={CELL_STYLE[run.cell].color} inverse={CELL_STYLE[run.cell].inverse} bold={run.cell === 'lost'}>
              {run.text}
            </Text>
          ))}
        </Text>
      );
    })}
  </Box>
);
