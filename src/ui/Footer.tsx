import { Box, Text } from 'ink';
import type { DashboardState } from '../streams/dashboard-state.js';
import { FOOTER_KEYS } from './footer-keys.js';
import { formatMs } from './format-ms.js';
import { sanitizeText } from '../domain/sanitize-text.js';

/** The bottom two lines: the keymap, then the latest message (or the last round's time). */
export const Footer = ({ state }: { readonly state: DashboardState }) => (
  <Box flexDirection="column">
    <Text color="gray" wrap="truncate-end">
      {FOOTER_KEYS}
    </Text>
    <Text color={state.message ? 'yellow' : 'gray'} wrap="truncate-end">
      {state.message ? sanitizeText(state.message) : state.lastRoundMs === undefined ? 'first round…' : `last round ${formatMs(state.lastRoundMs)}`}
    </Text>
  </Box>
);
