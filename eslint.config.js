import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = { regex: '^node:', message: 'Node APIs are for the main process only.' };

/**
 * Layers, as VS Code enforces them: `shared` ← `electron/core` ← `electron/{main,ipc,preload,web}`;
 * `renderer` sees only `shared` and itself. A wrong import fails lint, not review.
 */
const boundaries = {
  renderer: [
    {
      group: ['electron', 'electron/*'],
      message: 'The renderer talks to the main process only through the Liaison client.',
    },
    { regex: '(^|/)electron(/|$)', message: 'The renderer may import only shared/ and its own files.' },
    NODE_BUILTINS,
    {
      group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'],
      message: 'No Node modules in the renderer.',
    },
  ],
  core: [
    {
      group: ['electron', 'electron/*'],
      message: "electron/core also runs in the web host: it never imports 'electron'.",
    },
    {
      regex: '^\\.\\./(\\.\\./)?(main|ipc|preload|window|app-protocol|desktop-platform|start|web)(/|$)',
      message: 'electron/core must not depend on the shells above it.',
    },
    { regex: '(^|/)renderer(/|$)', message: 'electron/core must not import the renderer.' },
  ],
  shared: [
    { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
    { regex: '(^|/)(electron|renderer)(/|$)', message: 'shared/ imports neither electron/ nor renderer/.' },
    NODE_BUILTINS,
  ],
  electron: [{ regex: '(^|/)renderer(/|$)', message: 'The main process never imports renderer code.' }],
};

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
    rules: { ...reactHooks.configs.recommended.rules, ...restrict(boundaries.renderer) },
  },
  { files: ['electron/**/*.ts'], ignores: ['electron/core/**'], rules: restrict(boundaries.electron) },
  { files: ['electron/core/**/*.ts'], rules: restrict(boundaries.core) },
  { files: ['shared/**/*.ts'], rules: restrict(boundaries.shared) },
  {
    files: ['.ci/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
