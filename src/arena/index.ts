/** The arena session: one server (embedded or `--target`), one transport, instrumented loads, one clean-up. */
export { openArena, type Arena, type ArenaOptions } from './open-arena.js';
export { isTargetError, TargetError } from './target-error.js';
