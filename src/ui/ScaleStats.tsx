import { Box, Text } from 'ink';
import { latencyBins } from '../streams/latency-histogram.js';
import type { ModelPanel } from '../streams/model-panel.js';
import { histogramBars } from './histogram-bars.js';
import { failuresText, rateText } from './scale-text.js';

/** Props of {@link ScaleStats}. */
export interface ScaleStatsProps {
  readonly panel: ModelPanel;
  readonly elapsedMs: number;
  readonly width: number;
}

/**
 * What a panel shows in place of its timeline when a round has more than one request per endpoint
 * (as oha does live): requests per second with the latency range and percentiles, a histogram of
 * the delivered responses' latencies over that range (one column per slice), failures by reason.
 */
export const ScaleStats = ({ panel, elapsedMs, width }: ScaleStatsProps) => {
  const failures = failuresText(panel);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">{rateText(panel, elapsedMs, width)}</Text>
      <Text color="cyan" wrap="truncate-end">
        {panel.latencies.length > 0 ? histogramBars(latencyBins(panel.latencies, width)) : ' '}
      </Text>
      <Text color={failures === 'no failures' ? 'gray' : 'red'} wrap="truncate-end">
        {failures}
      </Text>
    </Box>
  );
};
