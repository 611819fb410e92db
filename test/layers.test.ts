import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules the project's lint config reports for `source` as if it were the file at `filePath`. */
const rulesFor = async (source: string, filePath: string): Promise<(string | null)[]> => {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
};

// The layer order is enforced by `npm run lint` (part of `npm test`): these plant a violation and watch it fail.
describe('the layer order (eslint.config.js)', { timeout: 60_000 }, () => {
  it('fails an upward import: src/domain importing from src/cli', async () => {
    const planted = "import { UsageError } from '../cli/usage-error.js';\nexport const planted = UsageError;\n";
    expect(await rulesFor(planted, 'src/domain/planted.ts')).toContain('import-x/no-restricted-paths');
  });

  it('fails a sibling import: src/models importing from src/streams', async () => {
    const planted = "import { runRound } from '../streams/rounds.js';\nexport const planted = runRound;\n";
    expect(await rulesFor(planted, 'src/models/planted.ts')).toContain('import-x/no-restricted-paths');
  });

  it('fails a cycle: rounds.ts importing the dashboard stream that imports it', async () => {
    const rounds = readFileSync('src/streams/rounds.ts', 'utf8');
    expect(await rulesFor(`import { dashboardState } from './dashboard-stream.js';\n${rounds}\nexport const planted = dashboardState;\n`, 'src/streams/rounds.ts')).toContain('import-x/no-cycle');
  });

  it('passes a downward import: src/cli importing from src/domain', async () => {
    const fine = "import { MODEL_IDS } from '../domain/models.js';\nexport const fine = MODEL_IDS;\n";
    expect(await rulesFor(fine, 'src/cli/fine.ts')).toEqual([]);
  });
});
