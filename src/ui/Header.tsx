import { Box, Text } from 'ink';
import { ENDPOINTS } from '../domain/endpoints.js';
import { describeFault } from '../domain/fault-spec.js';
import type { DashboardState } from '../streams/dashboard-state.js';
import { formatMs } from './format-ms.js';
import { sanitizeText } from '../domain/sanitize-text.js';

/**
 * The top two lines: target, round, variant and auto-rerun; then the fault on each endpoint, the
 * selected one marked (left out on a target without a control API, where no fault can be set).
 */
export const Header = ({ state }: { readonly state: DashboardState }) => (
  <Box flexDirection="column">
    <Text wrap="truncate-end">
      <Text bold>async-arena</Text> {sanitizeText(state.target)} · round {state.round}{' '}
      {state.running ? <Text color="yellow">● running</Text> : <Text color="gray">○ idle</Text>} ·{' '}
      <Text color={state.variant === 'naive' ? 'red' : 'green'}>{state.variant}</Text> · auto {state.auto ? formatMs(state.intervalMs) : 'off'}
    </Text>
    {state.faultControl ? (
    <Text wrap="truncate-end">
      faults:
      {ENDPOINTS.map((endpoint) => {
        const fault = state.faults[endpoint];
        const selected = endpoint === state.selected;
        return (
          <Text key={endpoint}>
            {' '}
            <Text bold={selected} inverse={selected}>
              {selected ? '▸' : ' '}
              {endpoint}
            </Text>{' '}
            <Text color={fault.kind === 'none' ? 'gray' : 'red'}>{describeFault(fault)}</Text>
          </Text>
        );
      })}
    </Text>
    ) : null}
  </Box>
);
