import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules live in eslint.config.js; this proves they fire, so a wrong import fails CI.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['renderer/src/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core/core';\nexport const a = createCore;\n"],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/x.ts', "import { startWebHost } from '../web/server';\nexport const a = startWebHost;\n"],
    ['shared/x.ts', "import { createCore } from '../electron/core/core';\nexport const a = createCore;\n"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['electron/x.ts', "import { App } from '../renderer/src/App';\nexport const a = App;\n"],
  ])('%s may not import: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/x.ts', "import { methods } from '../../shared/api';\nexport const a = methods;\n"],
    ['electron/core/x.ts', "import { methods } from '../../shared/api';\nexport const a = methods;\n"],
    ['electron/ipc2.ts', "import { dispatchCall } from './core/dispatch';\nexport const a = dispatchCall;\n"],
  ])('%s may import: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
