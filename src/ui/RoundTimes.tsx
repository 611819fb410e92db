import { Box, Text } from 'ink';
import { percentile } from '../streams/round-history.js';
import { formatMs } from './format-ms.js';
import { sparkline } from './sparkline.js';

/** Recent round times of a model: a sparkline, then p50 and p95. */
export const RoundTimes = ({ history, width }: { readonly history: readonly number[]; readonly width: number }) => {
  const p50 = percentile(history, 50);
  const p95 = percentile(history, 95);
  return (
    <Box flexDirection="column">
      <Text color="cyan" wrap="truncate-end">
        {history.length > 0 ? sparkline(history, width) : ' '}
      </Text>
      <Text wrap="truncate-end">{p50 === undefined || p95 === undefined ? 'no rounds yet' : `p50 ${formatMs(p50)} p95 ${formatMs(p95)}`}</Text>
    </Box>
  );
};
