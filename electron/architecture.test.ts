import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

// The layer rules live in eslint.config.js; this proves they fire, so a wrong import fails CI.
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // no-restricted-syntax carries the same boundaries for `import('...')`, which no-restricted-imports does not see.
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const importing = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const a = ${what};\n`;
const loading = (from: string) => `export const loaded = () => import('${from}');\n`;
const reexporting = (from: string) => `export * from '${from}';\n`;

describe('import boundaries', () => {
  it.each([
    // The renderer: only shared/ and itself.
    ['renderer/src/x.ts', importing('app', 'electron')],
    ['renderer/src/x.ts', importing('readFileSync', 'node:fs')],
    ['renderer/src/x.ts', importing('readFileSync', 'fs')],
    ['renderer/src/x.ts', importing('createCore', '../../electron/core/core')],
    // electron/core never imports 'electron' nor the shells above it, at any depth.
    ['electron/core/x.ts', importing('app', 'electron')],
    ['electron/core/x.ts', importing('startWebHost', '../web/server')],
    ['electron/core/checks/aws/x.ts', importing('startWebHost', '../../../web/server')],
    ['electron/core/checks/aws/x.ts', importing('createWindow', '../../../window')],
    ['electron/core/health/x.ts', importing('registerIpc', '../../ipc')],
    ['electron/core/checks/aws/x.ts', importing('App', '../../../../renderer/src/App')],
    ['electron/core/checks/aws/x.ts', importing('startWebHost', './../../../web/server')],
    ['electron/core/checks/aws/x.ts', importing('startWebHost', '../../../../electron/web/server')],
    ['electron/core/checks/aws/x.ts', importing('runCheckCli', '../../../check-cli')],
    ['electron/core/checks/aws/x.ts', reexporting('../../../web/server')],
    // ... nor loads them with a dynamic import.
    ['electron/core/checks/aws/x.ts', loading('../../../web/server')],
    ['electron/core/x.ts', loading('electron')],
    // shared/ is pure: neither process, no Node, with or without the node: prefix.
    ['shared/x.ts', importing('createCore', '../electron/core/core')],
    ['shared/x.ts', importing('readFileSync', 'node:fs')],
    ['shared/x.ts', importing('readFileSync', 'fs')],
    ['shared/terraform/x.ts', importing('join', 'path')],
    ['shared/x.ts', importing('readFile', 'fs/promises')],
    ['shared/x.test.ts', importing('readFileSync', 'fs')],
    ['shared/x.ts', reexporting('path')],
    ['shared/x.ts', loading('fs')],
    ['shared/x.ts', loading('node:fs/promises')],
    // The main process never imports the renderer.
    ['electron/x.ts', importing('App', '../renderer/src/App')],
    // Plain-Node entry points (the web host, the launcher, the check CLI) never load Electron.
    ['electron/web/x.ts', importing('app', 'electron')],
    ['electron/web/x.ts', importing('createWindow', '../window')],
    ['electron/start.ts', importing('app', 'electron')],
    ['electron/start.ts', importing('registerIpc', './ipc')],
    ['electron/check-cli.ts', importing('app', 'electron')],
    ['electron/web/x.ts', loading('electron')],
    ['electron/start.ts', loading('electron')],
    ['electron/start.ts', loading('./main')],
    ['electron/web/x.ts', importing('App', '../../renderer/src/App')],
    // Production code never imports test support, in any layer.
    ['electron/core/checks/aws/x.ts', importing('startMoto', '../../../../e2e/fixtures/aws/moto')],
    ['electron/core/x.ts', importing('createTestCore', './test-core')],
    ['electron/core/health/x.ts', importing('seedChecks', './testing/seed-health')],
    ['electron/core/terraform/x.ts', importing('harness', './terraform-test-harness')],
    ['electron/core/checks/x.ts', importing('createGcpTestBed', '../gcp/gcp-test-setup')],
    ['electron/core/x.ts', importing('fakes', '../../test-support/fakes')],
    ['electron/web/x.ts', importing('WebHostProcess', '../../e2e/fixtures/web-host')],
    ['electron/x.ts', importing('test', '../e2e/fixtures/test')],
    ['shared/terraform/x.ts', importing('goldenCases', './testing/golden-cases')],
    ['renderer/src/x.ts', importing('expectNoSeriousA11yViolations', '../../e2e/fixtures/test')],
    ['renderer/src/x.ts', importing('cases', './pages/onboard/line-diff.test')],
    // The home of test support, from every production layer.
    ['electron/core/x.ts', importing('createTestCore', '../../test-support/core/test-core')],
    ['electron/core/checks/aws/x.ts', importing('motoSuite', '../../../../test-support/fakes/aws/moto-suite')],
    ['electron/core/health/x.ts', importing('seedAssociations', '../../../test-support/seeders/seed-health')],
    ['electron/web/x.ts', importing('startPlatformStandIn', '../../test-support/fakes/platform/platform-stand-in')],
    ['electron/check-cli.ts', importing('startGoogleFake', '../test-support/fakes/gcp/google-fake')],
    ['electron/x.ts', importing('createHarness', '../test-support/core/terraform-test-harness')],
    ['shared/terraform/x.ts', importing('goldenCases', '../../test-support/terraform-files/golden-cases')],
    ['renderer/src/x.ts', importing('startMoto', '../../test-support/fakes/aws/moto')],
    ['shared/x.ts', importing('test', '../e2e/fixtures/test')],
    ['shared/x.ts', importing('startMoto', '../test-support/fakes/aws/moto')],
    ['electron/core/x.ts', reexporting('../../e2e/fixtures/test')],
    ['electron/core/x.ts', loading('../../test-support/core/test-core')],
    ['electron/start.ts', loading('../e2e/fixtures/web-host')],
    ['renderer/src/x.tsx', loading('../../test-support/fakes/aws/moto')],
    // Test support itself runs in plain Node and drives the renderer only through a browser.
    ['test-support/core/x.ts', importing('app', 'electron')],
    ['test-support/fakes/x.ts', importing('App', '../../renderer/src/App')],
    ['electron/core/x.ts', importing('fc', 'fast-check')],
    ['renderer/src/x.tsx', importing('expect', 'vitest')],
    // Each boundary once more where the table above had no case: a subpath of the Electron package, shared/
    // against the package and the renderer, dynamic imports out of the renderer and the main process, the
    // check CLI against the Electron-only files, and a test library from shared/.
    ['electron/core/x.ts', importing('ipcRenderer', 'electron/renderer')],
    ['renderer/src/x.tsx', loading('electron')],
    ['renderer/src/x.tsx', loading('node:fs')],
    ['renderer/src/x.tsx', loading('../../electron/core/core')],
    ['shared/x.ts', importing('app', 'electron')],
    ['shared/contract/x.ts', importing('App', '../../renderer/src/App')],
    ['electron/core/x.ts', importing('App', '../../renderer/src/App')],
    ['electron/x.ts', loading('../renderer/src/App')],
    ['electron/check-cli.ts', importing('createWindow', './window')],
    ['electron/check-cli.ts', loading('./main')],
    ['shared/x.ts', importing('test', '@playwright/test')],
  ])('%s may not import: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/x.ts', importing('methods', '../../shared/api')],
    ['electron/core/x.ts', importing('methods', '../../shared/api')],
    ['electron/core/checks/aws/x.ts', importing('methods', '../../../../shared/api')],
    ['electron/core/checks/aws/x.ts', importing('checkGcp', '../gcp/check-gcp')],
    ['electron/ipc2.ts', importing('dispatchCall', './core/dispatch')],
    ['electron/main.ts', importing('app', 'electron')],
    ['electron/web/x.ts', importing('createCore', '../core/core')],
    ['electron/web/x.ts', importing('readFileSync', 'node:fs')],
    ['electron/start.ts', importing('spawn', 'node:child_process')],
    // Dynamic imports within a layer stay allowed (the renderer's lazy routes, start's web host).
    ['renderer/src/x.tsx', loading('./pages/groups/GroupsPage')],
    ['electron/start.ts', loading('node:child_process')],
    ['shared/x.ts', loading('zod')],
    ['electron/core/x.test.ts', loading('vitest')],
    // Tests and test support may import test support, and keep the layer rules otherwise.
    ['electron/core/checks/aws/x.test.ts', importing('startMoto', '../../../../e2e/fixtures/aws/moto')],
    ['electron/core/x.test.ts', importing('createTestCore', './test-core')],
    ['electron/core/gcp/gcp-test-setup.ts', importing('startGoogleFake', '../../../e2e/fixtures/gcp/google-fake')],
    ['electron/core/health/testing/x.ts', importing('createCore', '../../core')],
    ['shared/terraform/x.test.ts', importing('goldenCases', './testing/golden-cases')],
    ['renderer/src/x.test.ts', importing('expect', 'vitest')],
    ['e2e/x.spec.ts', importing('seedChecks', '../electron/core/health/testing/seed-health')],
    ['electron/core/x.test.ts', importing('createTestCore', '../../test-support/core/test-core')],
    ['electron/core/checks/aws/x.test.ts', importing('motoSuite', '../../../../test-support/fakes/aws/moto-suite')],
    ['shared/terraform/x.test.ts', importing('goldenCases', '../../test-support/terraform-files/golden-cases')],
    ['e2e/x.spec.ts', importing('startMoto', '../test-support/fakes/aws/moto')],
    ['e2e/bench/x.bench.ts', importing('seedAssociations', '../../test-support/seeders/seed-health')],
    ['test-support/core/x.ts', importing('createCore', '../../electron/core/core')],
    ['test-support/seeders/x.ts', importing('openStore', '../../electron/core/store/database')],
  ])('%s may import: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });

  it("routes the renderer's refreshes through invalidate-queries.ts", async () => {
    const refresh = `export const refresh = (client: { invalidateQueries(f: object): void }) => client.invalidateQueries({});\n`;
    const [message] = await restrictedImportErrors('renderer/src/queries/x.ts', refresh);
    expect(message).toContain('invalidateQueriesNow');
    // Its tests compare against the library's own call.
    expect(await restrictedImportErrors('renderer/src/client/x.test.ts', refresh)).toEqual([]);
  });

  it('keeps the layer rules in test files', async () => {
    expect(await restrictedImportErrors('electron/core/x.test.ts', importing('app', 'electron'))).not.toEqual([]);
    expect(await restrictedImportErrors('shared/terraform/x.test.ts', importing('join', 'node:path'))).not.toEqual([]);
  });
});

/** Production sources of one top-level folder (no tests, specs, benches), relative to the project. */
function productionSources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.(test|spec|bench|property\.test)\.tsx?$/.test(file))
    .map((file) => join(folder, file));
}

/** Comparing an association's kind with a kind's name: what the per-kind records are for. */
const ASSOCIATION_KIND_BRANCH =
  /associationKindOf\([^)]*\)\s*[!=]==|\bkind\s*[!=]==\s*['"](?:platform|third-party-role|eks-service-account-role)['"]/;

describe('per-kind records', () => {
  it('tell association kinds apart: no production code outside the registries compares kinds', () => {
    // The registries: association-kinds.ts (label, group, workspace, title) and the check registry.
    const registries = ['shared/contract/association-kinds.ts', 'electron/core/checks/check-kinds.ts'];
    const files = ['electron', 'renderer/src', 'shared'].flatMap(productionSources);
    expect(files.length).toBeGreaterThan(300);
    for (const branch of ["associationKindOf(values) === 'platform'", "row.kind !== 'eks-service-account-role'"]) {
      expect(branch).toMatch(ASSOCIATION_KIND_BRANCH);
    }
    const branching = files.filter(
      (file) => !registries.includes(file) && ASSOCIATION_KIND_BRANCH.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(branching).toEqual([]);
  });

  it('tell clouds apart: production code outside the per-cloud records compares no cloud with a name', () => {
    const cloudBranch = /\bcloud\s*[!=]==?\s*['"](?:aws|gcp)['"]|['"](?:aws|gcp)['"]\s*[!=]==?\s*[\w.]*cloud\b/;
    expect("values.cloud === 'aws'").toMatch(cloudBranch);
    expect("'gcp' !== target.cloud").toMatch(cloudBranch);
    // The per-kind records and the check kinds of one cloud, where a cloud's own facts belong.
    const records = (file: string) => /^(shared\/targets|electron\/core\/checks\/(aws|gcp))\//.test(file);
    const files = ['electron', 'renderer/src', 'shared'].flatMap(productionSources);
    const branching = files.filter(
      (file) => !records(file) && cloudBranch.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(branching).toEqual([]);
  });
});
