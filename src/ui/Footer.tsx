import { Box, Text } from 'ink';
import type { DashboardState } from '../streams/dashboard-state.js';
import { FOOTER_KEYS, READ_ONLY_FOOTER_KEYS, READ_ONLY_REASON } from './footer-keys.js';
import { NO_CONTROL_MESSAGE } from '../streams/dashboard-state.js';
import { formatMs } from './format-ms.js';
import { sanitizeText } from '../domain/sanitize-text.js';

/**
 * The bottom two lines: the keymap, then the latest message (or the last round's time). On a target
 * without a control API the fault keys are left out and the second line starts by saying why.
 */
export const Footer = ({ state }: { readonly state: DashboardState }) => {
  const message = state.message === NO_CONTROL_MESSAGE ? undefined : state.message;
  const status = message ? sanitizeText(message) : state.lastRoundMs === undefined ? 'first round…' : `last round ${formatMs(state.lastRoundMs)}`;
  return (
    <Box flexDirection="column">
      <Text color="gray" wrap="truncate-end">
        {state.faultControl ? FOOTER_KEYS : READ_ONLY_FOOTER_KEYS}
      </Text>
      <Text color={message ? 'yellow' : 'gray'} wrap="truncate-end">
        {state.faultControl ? status : `${READ_ONLY_REASON} · ${status}`}
      </Text>
    </Box>
  );
};
