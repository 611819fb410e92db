import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './usage-error.js';

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/**
 * Checks an `--out` path before anything is measured, so a run is never thrown away for want of a
 * place to put its report: the folder exists, the path is not a directory, not a special or
 * read-only file, and can be written (an existing file is opened for writing without truncating it;
 * for a new one the folder must be writable). Throws a one-line {@link UsageError} (exit 2).
 */
export const checkOutFile = async (out: string): Promise<void> => {
  const fail = (reason: string): never => {
    throw new UsageError(`--out ${out}: ${reason}`);
  };
  const folder = dirname(out);
  const folderStats = await stat(folder).catch((error: unknown) => fail(codeOf(error) === 'ENOENT' ? `folder ${folder} does not exist` : `cannot use folder ${folder} (${codeOf(error)})`));
  if (!folderStats.isDirectory()) fail(`${folder} is not a folder`);
  const stats = await stat(out).catch((error: unknown) => (codeOf(error) === 'ENOENT' ? undefined : fail(`cannot use it (${codeOf(error)})`)));
  if (stats === undefined) {
    await access(folder, constants.W_OK | constants.X_OK).catch((error: unknown) => fail(`cannot create a file in ${folder} (${codeOf(error)})`));
    return;
  }
  if (stats.isDirectory()) fail('is a directory, expected a file');
  if (!stats.isFile()) fail('is not a regular file');
  if ((stats.mode & 0o222) === 0) fail('is read-only');
  const handle = await open(out, 'r+').catch((error: unknown) => fail(`cannot write (${codeOf(error)})`));
  await handle.close();
};
