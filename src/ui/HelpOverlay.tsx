import { Box, Text } from 'ink';
import { KEYMAP } from '../streams/keymap.js';

/** Props of {@link HelpOverlay}. */
export interface HelpOverlayProps {
  readonly width: number;
  /** Lines available, borders included. */
  readonly height: number;
}

/** Every key and what it does, in as many columns as the height needs; `?` closes it. */
export const HelpOverlay = ({ width, height }: HelpOverlayProps) => {
  const perColumn = Math.max(1, height - 3);
  const columns = Math.ceil(KEYMAP.length / perColumn);
  const columnWidth = Math.floor((width - 2) / columns);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" width={width} height={height}>
      <Text bold wrap="truncate-end">
        Keys (press ? to close)
      </Text>
      <Box>
        {Array.from({ length: columns }, (_, column) => (
          <Box key={column} flexDirection="column" width={columnWidth}>
            {KEYMAP.slice(column * perColumn, (column + 1) * perColumn).map((binding) => (
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
    </Box>
  );
};
