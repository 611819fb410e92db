import { Box, Text } from 'ink';
import { ENDPOINTS } from '../domain/endpoints.js';
import { contenderTitle } from '../streams/contender.js';
import { panelTotals, type ModelPanel } from '../streams/model-panel.js';
import { EndpointLine } from './EndpointLine.js';
import { formatMs } from './format-ms.js';
import { RoundTimes } from './RoundTimes.js';
import { Timeline } from './Timeline.js';

/** Props of {@link ModelCard}. */
export interface ModelCardProps {
  readonly panel: ModelPanel;
  /** Columns of the card, borders included. */
  readonly width: number;
  readonly elapsedMs: number;
  readonly axisMs: number;
}

/** Columns inside a card from which full endpoint names fit. */
const WIDE_INNER = 24;

/** One model's panel: its endpoint rows, round time, delivered n/N, a LOST mark, its timeline and recent round times (13 lines). */
export const ModelCard = ({ panel, width, elapsedMs, axisMs }: ModelCardProps) => {
  const inner = width - 2;
  const wide = inner >= WIDE_INNER;
  const totals = panelTotals(panel);
  const progress = panel.done && panel.totalMs !== undefined ? `${formatMs(panel.totalMs)} ${totals.delivered}/${totals.requests} delivered` : `${formatMs(elapsedMs)} ${totals.delivered}/${totals.requests} so far`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={totals.lost > 0 ? 'magenta' : 'gray'} width={width}>
      <Text bold wrap="truncate-end">
        {contenderTitle(panel)}
      </Text>
      {ENDPOINTS.map((endpoint) => (
        <EndpointLine key={endpoint} endpoint={endpoint} row={panel.rows[endpoint]} elapsedMs={elapsedMs} wide={wide} />
      ))}
      <Text wrap="truncate-end">{progress}</Text>
      {totals.lost > 0 ? (
        <Text color="magenta" bold inverse wrap="truncate-end">
          DATA LOST ×{totals.lost}
        </Text>
      ) : (
        <Text color="gray" wrap="truncate-end">
          {panel.done ? 'nothing lost' : ' '}
        </Text>
      )}
      <Timeline panel={panel} axisMs={axisMs} elapsedMs={elapsedMs} width={inner} wide={wide} />
      <RoundTimes history={panel.history} width={inner} />
    </Box>
  );
};
