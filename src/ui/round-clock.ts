import { ENDPOINTS } from '../domain/endpoints.js';
import type { DashboardState } from '../streams/dashboard-state.js';

/** Time since the current (or last) round started, by the dashboard's clock. */
export const roundElapsed = (state: DashboardState): number => Math.max(0, state.now - state.roundStartedAt);

/** The shared timeline axis: the longest model of the round so far (never 0). */
export const timelineAxisMs = (state: DashboardState): number => {
  let axis = state.running ? roundElapsed(state) : 1;
  for (const panel of state.panels) {
    axis = Math.max(axis, panel.totalMs ?? 0);
    for (const endpoint of ENDPOINTS) axis = Math.max(axis, panel.rows[endpoint].lastEndAt ?? 0);
  }
  return axis;
};
