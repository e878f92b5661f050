import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  { regex: '^node:', message: 'Node APIs are for the main process only.' },
  // Bare names too (`fs`, `path`, `fs/promises`): the same modules without the prefix.
  { group: builtinModules, message: 'Node APIs are for the main process only.' },
];

const ELECTRON = (message) => ({ group: ['electron', 'electron/*'], message });

/** The Electron-only files of electron/: what a plain-Node process must not load. */
const ELECTRON_SHELL = 'main|ipc|preload|window|app-protocol|desktop-platform';

/**
 * Test support (its home `test-support/`: fakes, seeders, test beds; and the e2e suite) is for tests,
 * e2e and benches: production code that imported it would ship it.
 */
const TEST_SUPPORT = [
  {
    regex: '(^|/)(e2e|testing|test-support)(/|$)|(^|/)test-core$|test-harness|test-setup|\\.(test|spec|bench)$',
    message: 'Production code never imports test support (fixtures, fakes, harnesses, tests).',
  },
  {
    group: ['vitest', 'vitest/*', '@playwright/test', '@axe-core/playwright', 'fast-check', '@cdktf/hcl2json'],
    message: 'Test libraries are for tests only.',
  },
];

/** The files that are test support themselves, and so may import it. */
const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/testing/**',
  '**/test-support/**',
  '**/test-core.ts',
  '**/*test-harness*.ts',
  '**/*test-setup*.ts',
  'e2e/**',
];

/**
 * Layers, as VS Code enforces them: `shared` ← `electron/core` ← `electron/{main,ipc,preload,web}`;
 * `renderer` sees only `shared` and itself. A wrong import fails lint, not review; the architecture
 * test (electron/architecture.test.ts) proves each rule fires.
 */
const boundaries = {
  renderer: [
    ELECTRON('The renderer talks to the main process only through the Liaison client.'),
    { regex: '(^|/)electron(/|$)', message: 'The renderer may import only shared/ and its own files.' },
    ...NODE_BUILTINS,
  ],
  core: [
    ELECTRON("electron/core also runs in the web host: it never imports 'electron'."),
    {
      // Any depth: `../web/server` from core/ and `../../../web/server` from core/checks/aws/ alike.
      regex: `^(\\./)?(\\.\\./)+(${ELECTRON_SHELL}|start|check-cli|web)(/|\\.ts$|$)`,
      message: 'electron/core must not depend on the shells above it.',
    },
    { regex: '(^|/)renderer(/|$)', message: 'electron/core must not import the renderer.' },
  ],
  shared: [
    ELECTRON('shared/ is pure: no Electron.'),
    { regex: '(^|/)(electron|renderer)(/|$)', message: 'shared/ imports neither electron/ nor renderer/.' },
    ...NODE_BUILTINS,
  ],
  electron: [{ regex: '(^|/)renderer(/|$)', message: 'The main process never imports renderer code.' }],
  /** The web host and the launcher and check CLI run in plain Node, where no Electron exists. */
  plainNode: [
    { regex: '(^|/)renderer(/|$)', message: 'The main process never imports renderer code.' },
    ELECTRON(
      "Plain-Node entry points (start, the check CLI, the web host) run where Electron does not: no 'electron'.",
    ),
    {
      regex: `^(\\./|(\\.\\./)+)(${ELECTRON_SHELL})(\\.ts)?$`,
      message: 'Plain-Node entry points must not load the Electron-only files (main, ipc, preload, window, ...).',
    },
  ],
};

const PLAIN_NODE = ['electron/web/**/*.ts', 'electron/start.ts', 'electron/check-cli.ts'];

/**
 * A pattern as an esquery regex literal, for the same boundary on `import('...')`, which
 * no-restricted-imports does not look at. esquery's literal cannot hold a `/`: `\x2F` reads the same.
 * Group names are bare specifiers (`fs`, `electron/*`); matching is case-insensitive, as for imports.
 */
const specifierRegex = (pattern) => {
  const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source =
    pattern.regex ??
    `^(${pattern.group.map((name) => (name.endsWith('/*') ? `${escape(name.slice(0, -2))}/.+` : escape(name))).join('|')})$`;
  return `/${source.replaceAll('/', '\\x2F')}/i`;
};

/**
 * Each pattern for static imports and exports (no-restricted-imports) and for dynamic `import()` alike,
 * plus any other syntax the layer forbids (`{ selector, message }`).
 */
const restrict = (patterns, syntax = []) => ({
  'no-restricted-imports': ['error', { patterns }],
  'no-restricted-syntax': [
    'error',
    ...patterns.map((pattern) => ({
      selector: `ImportExpression > Literal.source[value=${specifierRegex(pattern)}]`,
      message: pattern.message,
    })),
    ...syntax,
  ],
});

/**
 * One layer's rules: its boundaries plus no test support; its own test files keep the boundaries only.
 * (A later config replaces a rule's options rather than merging them, hence the two entries.)
 */
const layer = (files, patterns, ignores = [], syntax = []) => [
  { files, ignores, rules: restrict([...patterns, ...TEST_SUPPORT], syntax) },
  { files: files.map((glob) => [glob, `{${TEST_FILES.join(',')}}`]), ignores, rules: restrict(patterns) },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layer(
    ['renderer/**/*.{ts,tsx}'],
    boundaries.renderer,
    [],
    [
      {
        // The library's invalidation is lost when it lands during a query's first fetch (see the file).
        selector: "CallExpression[callee.property.name='invalidateQueries']",
        message:
          'Refresh through invalidateQueriesNow or askAgain (renderer/src/client/invalidate-queries.ts): invalidateQueries loses a change that lands during a first fetch.',
      },
    ],
  ),
  ...layer(['electron/**/*.ts'], boundaries.electron, ['electron/core/**', ...PLAIN_NODE]),
  ...layer(PLAIN_NODE, boundaries.plainNode),
  ...layer(['electron/core/**/*.ts'], boundaries.core),
  ...layer(['shared/**/*.ts'], boundaries.shared),
  {
    // The one home of test support runs under Vitest, Playwright and the benches, in plain Node.
    files: ['test-support/**/*.{ts,mjs}'],
    rules: restrict([
      // The package only (a bare specifier): test support does import electron/core by relative path.
      {
        regex: '^electron(/|$)',
        message: 'Test support runs in plain Node (Vitest, Playwright, benches): no Electron.',
      },
      { regex: '(^|/)renderer(/|$)', message: 'Test support drives the renderer through a browser, never by import.' },
    ]),
  },
  {
    // Scripts the page loads as they are, before the bundle (see renderer/index.html).
    files: ['renderer/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', EventSource: 'readonly' } },
  },
  {
    files: ['.ci/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
