// Lint: TypeScript rules, React hooks rules, the layer boundaries of docs/architecture.md
// (imports point down only; the pure core imports no UI, storage, Electron or Node), and no
// import cycles (a module that needs its importer has a shared part to move out).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const framework = (names) =>
  names.map((name) => ({ name, message: 'The pure core (src-shared) must not depend on UI, storage, Electron or Node.' }));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-only imports are not followed: they vanish at run time.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // `push(...items)` passes every item as an argument: past about 100,000 (fewer in a worker)
    // it overflows the stack, as a document at the span limit once did on import, and a line of
    // 100,000 marks did in the document view (`append`).
    files: ['src-*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='push'] > SpreadElement",
          message: 'Use pushAll (src-shared/push-all.ts): a spread of many items overflows the stack.',
        },
        {
          selector: "CallExpression[callee.property.name=/^(append|unshift|add)$/] > SpreadElement, NewExpression[callee.name='Highlight'] > SpreadElement",
          message: 'Add the items in a loop or in chunks: a spread of many items overflows the stack.',
        },
      ],
    },
  },
  {
    // Ambient declarations of globals need `declare var`.
    files: ['**/*.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: framework(['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'electron', 'lexical']),
          patterns: [
            { group: ['node:*'], message: 'The pure core must not use Node APIs.' },
            {
              group: ['**/src-renderer/**', '**/src-main/**', '**/src-cli/**', '@lexical/*'],
              message: 'The pure core imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the bridge (window.spanwright).' }],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-cli/**', 'node:*'],
              message: 'The renderer runs in a sandboxed page: no main-process or Node code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-renderer/**'], message: 'Main must not import renderer code.' }] }],
    },
  },
);
