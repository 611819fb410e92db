import { Box } from 'ink';
import { ENDPOINTS } from '../domain/endpoints.js';
import type { DashboardState } from '../streams/dashboard-state.js';
import { narrowLabel } from '../streams/contender.js';
import { CompactDashboard } from './CompactDashboard.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { chooseLayout, FULL_LAYOUT_ROWS } from './layout.js';
import { ModelCard } from './ModelCard.js';
import { roundElapsed, timelineAxisMs } from './round-clock.js';

/** The whole dashboard, rendered from its state alone: the full layout when it fits, the compact one otherwise. */
export const Dashboard = ({ state }: { readonly state: DashboardState }) => {
  if (chooseLayout(state.size, state.panels.length) === 'compact') return <CompactDashboard state={state} />;
  const { columns } = state.size;
  const cardWidth = Math.floor(columns / Math.max(1, state.panels.length));
  const elapsedMs = roundElapsed(state);
  const axisMs = timelineAxisMs(state);
  return (
    <Box flexDirection="column" width={columns}>
      <Header state={state} />
      {state.help ? (
        <HelpOverlay width={columns} height={FULL_LAYOUT_ROWS - 4} faultControl={state.faultControl} atScale={state.requests > ENDPOINTS.length} />
      ) : (
        <Box>
          {state.panels.map((panel) => (
            <ModelCard key={narrowLabel(panel)} panel={panel} width={cardWidth} elapsedMs={elapsedMs} axisMs={axisMs} />
          ))}
        </Box>
      )}
      <Footer state={state} />
    </Box>
  );
};
