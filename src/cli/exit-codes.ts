/**
 * The exit codes of every command, one table (README "Exit codes" lists the same):
 *
 * | code | meaning |
 * |---|---|
 * | 0 | done |
 * | 1 | the target or server could not be reached, or could not start (e.g. port in use) |
 * | 2 | bad input: flags, scenario files, no terminal for the dashboard |
 * | 3 | a `--fail-on` threshold was crossed (the report is still printed) |
 * | 130 | interrupted (Ctrl+C, SIGINT) |
 * | 143 | terminated (SIGTERM) |
 */
export const EXIT = {
  ok: 0,
  unreachable: 1,
  badInput: 2,
  threshold: 3,
  interrupted: 130,
  terminated: 143,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
