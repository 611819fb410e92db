import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Parsed } from '../../domain/fault-spec.js';
import { BUILTIN_SCENARIOS, findBuiltinScenario } from './builtin-scenarios.js';
import { parseScenarioText } from './parse-scenario.js';
import type { Scenario } from './scenario-schema.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** True when `--scenario` names a file rather than a built-in: it has a scenario extension or a path separator. */
export const isScenarioFile = (nameOrFile: string): boolean => SCENARIO_FILE.test(nameOrFile) || /[\\/]/.test(nameOrFile);

/** Largest scenario file read: far more than any scenario needs, far less than a YAML parser can blow up. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

const describeOpenError = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, expected a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read (${code ?? String(error)})`;
};

/** What a non-regular file is, for the message. */
const kindOf = (stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string =>
  stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a FIFO' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a regular file';

/**
 * Reads a scenario file: a regular file (checked on the opened descriptor, so a symlink to /dev/zero
 * or a FIFO is refused, and opened non-blocking, so a FIFO without a writer cannot hang the open) of
 * at most {@link MAX_SCENARIO_BYTES}; at most that many bytes plus one are ever read.
 */
const readText = async (file: string): Promise<Parsed<string>> => {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, error: describeOpenError(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, error: `is ${kindOf(stats)}, expected a regular file` };
    const tooLarge: Parsed<string> = { ok: false, error: `larger than ${MAX_SCENARIO_BYTES} bytes (1 MiB), too large for a scenario` };
    if (stats.size > MAX_SCENARIO_BYTES) return tooLarge;
    // The size can lie (a file growing meanwhile, /proc): read one byte past the limit to know.
    const buffer = Buffer.alloc(MAX_SCENARIO_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_SCENARIO_BYTES) return tooLarge;
    }
    return { ok: true, value: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, error: describeOpenError(error) };
  } finally {
    await handle.close();
  }
};

/**
 * Resolves `--scenario`: a built-in by name, or a .yaml/.yml/.json file read and validated.
 * Errors are one line that names the file (or the unknown name), e.g.
 * `scenarios/x.yaml: client.retries: expected a whole number >= 0`.
 */
export const loadScenario = async (nameOrFile: string): Promise<Parsed<Scenario>> => {
  if (!isScenarioFile(nameOrFile)) {
    const builtin = findBuiltinScenario(nameOrFile);
    if (builtin) return { ok: true, value: builtin };
    return { ok: false, error: `unknown scenario "${nameOrFile}" (built-ins: ${BUILTIN_SCENARIOS.map((s) => s.name).join(', ')}; or give a .yaml, .yml or .json file)` };
  }
  if (!SCENARIO_FILE.test(nameOrFile)) return { ok: false, error: `${nameOrFile}: expected a .yaml, .yml or .json file` };
  const text = await readText(nameOrFile);
  if (!text.ok) return { ok: false, error: `${nameOrFile}: ${text.error}` };
  const parsed = parseScenarioText(text.value, /\.json$/i.test(nameOrFile) ? 'json' : 'yaml');
  return parsed.ok ? parsed : { ok: false, error: `${nameOrFile}: ${parsed.error}` };
};
