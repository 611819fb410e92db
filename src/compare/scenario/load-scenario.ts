import { readFile } from 'node:fs/promises';
import type { Parsed } from '../../domain/fault-spec.js';
import { BUILTIN_SCENARIOS, findBuiltinScenario } from './builtin-scenarios.js';
import { parseScenarioText } from './parse-scenario.js';
import type { Scenario } from './scenario-schema.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** True when `--scenario` names a file rather than a built-in: it has a scenario extension or a path separator. */
export const isScenarioFile = (nameOrFile: string): boolean => SCENARIO_FILE.test(nameOrFile) || /[\\/]/.test(nameOrFile);

const readText = async (file: string): Promise<Parsed<string>> => {
  try {
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(error)})`;
    return { ok: false, error: reason };
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
