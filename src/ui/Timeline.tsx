import { Box, Text } from 'ink';
import { ENDPOINTS } from '../domain/endpoints.js';
import { rowText } from './row-text.js';
import type { ModelPanel } from '../streams/model-panel.js';
import { endpointLabel } from './endpoint-label.js';
import { timelineSpan } from './timeline-span.js';
import { TONE_COLOR } from './tone-color.js';

/** Props of {@link Timeline}. */
export interface TimelineProps {
  readonly panel: ModelPanel;
  /** The shared axis (ms) and the round's elapsed time. */
  readonly axisMs: number;
  readonly elapsedMs: number;
  readonly width: number;
  readonly wide: boolean;
}

/** The last round of one model as bars per endpoint on a shared axis: parallel bars start together, serial ones step down. */
export const Timeline = ({ panel, axisMs, elapsedMs, width, wide }: TimelineProps) => (
  <Box flexDirection="column">
    {ENDPOINTS.map((endpoint) => {
      const label = endpointLabel(endpoint, wide);
      const row = panel.rows[endpoint];
      const span = timelineSpan(row, axisMs, width - label.length - 1, elapsedMs);
      return (
        <Text key={endpoint} wrap="truncate-end">
          <Text color="gray">{label}</Text> {span ? ' '.repeat(span.offset) : ''}
          <Text color={TONE_COLOR[rowText(row, elapsedMs).tone]}>{span ? '━'.repeat(span.length) : ''}</Text>
        </Text>
      );
    })}
  </Box>
);
