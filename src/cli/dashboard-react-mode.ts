/**
 * Imported before anything loads React or Ink, to set up the live terminal they render to:
 *
 * - React's production build (several times cheaper per frame than the development build) unless
 *   NODE_ENV already says otherwise.
 * - Ink's live rendering even when CI or CONTINUOUS_INTEGRATION is set: Ink then prints only the
 *   final frame, which leaves an interactive dashboard blank. The dashboard has already checked
 *   that it runs in a terminal, so CI mode never fits it.
 * - No colors when NO_COLOR is set (unless FORCE_COLOR says otherwise).
 */
import { honourNoColor } from './color-env.js';

process.env.NODE_ENV ??= 'production';
for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (key in process.env) process.env[key] = 'false';
honourNoColor(process.env);
