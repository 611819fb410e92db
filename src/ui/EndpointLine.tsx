import { Text } from 'ink';
import type { Endpoint } from '../domain/endpoints.js';
import type { EndpointRow } from '../streams/endpoint-row.js';
import { endpointLabel } from './endpoint-label.js';
import { rowText } from './row-text.js';
import { TONE_COLOR } from './tone-color.js';

/** Props of {@link EndpointLine}. */
export interface EndpointLineProps {
  readonly endpoint: Endpoint;
  readonly row: EndpointRow;
  readonly elapsedMs: number;
  readonly wide: boolean;
}

/** One endpoint of one model: its label and its state (LOST stands out). */
export const EndpointLine = ({ endpoint, row, elapsedMs, wide }: EndpointLineProps) => {
  const { text, tone } = rowText(row, elapsedMs);
  return (
    <Text wrap="truncate-end">
      {endpointLabel(endpoint, wide)}{' '}
      <Text color={TONE_COLOR[tone]} bold={tone === 'lost'} inverse={tone === 'lost'}>
        {text}
      </Text>
    </Text>
  );
};
