/** The one line a started server prints, e.g. `listening on http://127.0.0.1:3000\n`. */
export const listeningLine = (url: string): string => `listening on ${url}\n`;

/** Finds the URL in output that contains a {@link listeningLine}. */
export const findListeningUrl = (output: string): string | undefined => /^listening on (http:\/\/\S+)$/m.exec(output)?.[1];
