import { Box, Text } from 'ink';
import { keymapFor } from '../streams/keymap.js';
import { legendFor } from './legend.js';

/** Props of {@link HelpOverlay}. */
export interface HelpOverlayProps {
  readonly width: number;
  /** Lines available, borders included. */
  readonly height: number;
  /** False on a target without a control API: the fault keys are left out. */
  readonly faultControl: boolean;
  /** More than one request per endpoint: the legend explains the rate line instead of the marbles. */
  readonly atScale: boolean;
}

/** Key columns: three fit the 17 keys in 6 lines, leaving room for the legend in 80×24. */
const KEY_COLUMNS = 3;

/** Every key that works here and what it does, then what the panels' marks mean; `?` closes it. */
export const HelpOverlay = ({ width, height, faultControl, atScale }: HelpOverlayProps) => {
  const legend = legendFor(atScale);
  const keymap = keymapFor(faultControl);
  const perColumn = Math.ceil(keymap.length / KEY_COLUMNS);
  const columnWidth = Math.floor((width - 2) / KEY_COLUMNS);
  const markWidth = Math.max(...legend.map(([mark]) => mark.length)) + 2;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" width={width} height={height}>
      <Text bold wrap="truncate-end">
        Keys (press ? to close)
      </Text>
      <Box>
        {Array.from({ length: KEY_COLUMNS }, (_, column) => (
          <Box key={column} flexDirection="column" width={columnWidth}>
            {keymap.slice(column * perColumn, (column + 1) * perColumn).map((binding) => (
              <Text key={binding.keys} wrap="truncate-end">
                <Text bold color="cyan">
                  {binding.keys.padEnd(2)}
                </Text>
                {binding.description}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      {legend.map(([mark, meaning]) => (
        <Text key={mark} wrap="truncate-end">
          <Text bold color="cyan">
            {mark.padEnd(markWidth)}
          </Text>
          {meaning}
        </Text>
      ))}
    </Box>
  );
};
