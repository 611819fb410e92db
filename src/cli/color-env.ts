/**
 * Makes `NO_COLOR` (https://no-color.org: set and not empty) turn the dashboard's colors off: Ink's
 * chalk honours `FORCE_COLOR` only, so NO_COLOR becomes `FORCE_COLOR=0`. An explicit `FORCE_COLOR`
 * wins (it is the more specific request). Must run before Ink loads.
 */
export const honourNoColor = (env: NodeJS.ProcessEnv): void => {
  if (env.NO_COLOR && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '0';
};
