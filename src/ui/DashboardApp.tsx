import type { Observable } from 'rxjs';
import type { Command } from '../streams/commands.js';
import type { DashboardState } from '../streams/dashboard-state.js';
import { Dashboard } from './Dashboard.js';
import { useKeyCommands } from './use-key-commands.js';
import { useObservableValue } from './use-observable-value.js';

/** Props of {@link DashboardApp}. */
export interface DashboardAppProps {
  /** The throttled state stream (see dashboardState). */
  readonly states: Observable<DashboardState>;
  readonly initial: DashboardState;
  readonly onCommand: (command: Command) => void;
}

/** The live dashboard: shows the latest state and reports every bound key as a command. */
export const DashboardApp = ({ states, initial, onCommand }: DashboardAppProps) => {
  useKeyCommands(onCommand);
  return <Dashboard state={useObservableValue(states, initial)} />;
};
