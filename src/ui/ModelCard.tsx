import { Box, Text } from 'ink';
import { ENDPOINTS } from '../domain/endpoints.js';
import { contenderTitle } from '../domain/contender.js';
import { panelTotals, type ModelPanel } from '../streams/model-panel.js';
import { EndpointLine } from './EndpointLine.js';
import { formatMs } from './format-ms.js';
import { RoundTimes } from './RoundTimes.js';
import { ScaleStats } from './ScaleStats.js';
import { Timeline } from './Timeline.js';

/** Props of {@link ModelCard}. */
export interface ModelCardProps {
  readonly panel: ModelPanel;
  /** Columns of the card, borders included. */
  readonly width: number;
  readonly elapsedMs: number;
  readonly axisMs: number;
}

/** More than one request per endpoint: the timeline gives way to rates, a latency histogram and failures by reason. */
const atScale = (panel: ModelPanel): boolean => ENDPOINTS.some((endpoint) => panel.rows[endpoint].requests > 1);

/** Columns inside a card from which full endpoint names fit. */
const WIDE_INNER = 24;

/**
 * One contender's panel: its endpoint rows, round time, delivered n/N, a LOST mark, its timeline (at
 * scale: rate, latency histogram, failures by reason) and recent round times (13 lines).
 */
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
      {atScale(panel) ? <ScaleStats panel={panel} elapsedMs={elapsedMs} width={inner} /> : <Timeline panel={panel} axisMs={axisMs} elapsedMs={elapsedMs} width={inner} wide={wide} />}
      <RoundTimes history={panel.history} width={inner} />
    </Box>
  );
};
