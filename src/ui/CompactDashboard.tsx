import { Box, Text } from 'ink';
import { ENDPOINTS } from '../domain/endpoints.js';
import { describeFault } from '../domain/fault-spec.js';
import type { DashboardState } from '../streams/dashboard-state.js';
import { keymapFor } from '../streams/keymap.js';
import { NO_CONTROL_MESSAGE } from '../streams/dashboard-state.js';
import { READ_ONLY_REASON } from './footer-keys.js';
import { narrowLabel } from '../streams/contender.js';
import { panelTotals } from '../streams/model-panel.js';
import { endpointLabel } from './endpoint-label.js';
import { formatMs } from './format-ms.js';
import { roundElapsed } from './round-clock.js';
import { rowText } from './row-text.js';
import { sanitizeText } from '../domain/sanitize-text.js';
import { TONE_COLOR } from './tone-color.js';

/**
 * The layout for small terminals: one header line, one line per model, one footer line, never
 * taller than `size.rows - 1` (models that do not fit are left out; help replaces the model lines).
 */
export const CompactDashboard = ({ state }: { readonly state: DashboardState }) => {
  const elapsed = roundElapsed(state);
  const budget = Math.max(0, state.size.rows - 3);
  const labelWidth = Math.max(12, ...state.panels.map((panel) => narrowLabel(panel).length + 1));
  const faults = ENDPOINTS.filter((endpoint) => state.faults[endpoint].kind !== 'none').map((endpoint) => `${endpoint} ${describeFault(state.faults[endpoint])}`);
  return (
    <Box flexDirection="column" width={state.size.columns}>
      <Text wrap="truncate-end">
        <Text bold>r{state.round}</Text> {state.running ? '●' : '○'} <Text color={state.variant === 'naive' ? 'red' : 'green'}>{state.variant}</Text> auto {state.auto ? 'on' : 'off'}
        {state.faultControl ? ` ▸${state.selected}` : ''}
        {faults.length > 0 ? <Text color="red"> · {faults.join(' · ')}</Text> : ''}
      </Text>
      {state.help
        ? keymapFor(state.faultControl).slice(0, budget).map((binding) => (
            <Text key={binding.keys} wrap="truncate-end">
              <Text bold color="cyan">
                {binding.keys}
              </Text>{' '}
              {binding.description}
            </Text>
          ))
        : state.panels.slice(0, budget).map((panel) => {
            const totals = panelTotals(panel);
            return (
              <Text key={narrowLabel(panel)} wrap="truncate-end">
                {narrowLabel(panel).padEnd(labelWidth)}
                {panel.done && panel.totalMs !== undefined ? formatMs(panel.totalMs) : '…'} {totals.delivered}/{totals.requests}
                {totals.lost > 0 ? (
                  <Text color="magenta" bold inverse>
                    {' '}
                    LOST{' '}
                  </Text>
                ) : (
                  ''
                )}
                {ENDPOINTS.map((endpoint) => {
                  const { text, tone } = rowText(panel.rows[endpoint], elapsed);
                  return (
                    <Text key={endpoint}>
                      {' '}
                      {endpointLabel(endpoint, false).trim()}{' '}
                      <Text color={TONE_COLOR[tone]} bold={tone === 'lost'} inverse={tone === 'lost'}>
                        {text}
                      </Text>
                    </Text>
                  );
                })}
              </Text>
            );
          })}
      {state.size.rows > 2 ? (
        <Text color={state.message ? 'yellow' : 'gray'} wrap="truncate-end">
          {state.message && state.message !== NO_CONTROL_MESSAGE ? sanitizeText(state.message) : state.faultControl ? '? help · q quit' : `${READ_ONLY_REASON} · ? help · q quit`}
        </Text>
      ) : null}
    </Box>
  );
};
