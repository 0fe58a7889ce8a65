import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const root = import.meta.dirname;
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

// The dependency directions of docs/architecture.md. A zone forbids files under `target` to import
// files under `from` (paths resolved, so `../aws/clients` and `../../aws/s3/api` are both caught).
const zone = {
  components: {
    target: './src/components',
    from: ['./src/aws', './src/pages', './src/app'],
    message:
      'src/components is presentational (props in, callbacks out): pass data and callbacks from a page or src/app instead.',
  },
  aws: {
    target: './src/aws',
    from: ['./src/pages', './src/components', './src/app'],
    message: 'src/aws talks to AWS only: it never imports pages, components or app wiring.',
  },
  srcToEmulator: {
    target: './src',
    from: './emulator',
    message: 'The console never imports the emulator (only tests may start it): it must work against AWS unchanged.',
  },
  srcToInfra: {
    target: './src',
    from: './infra',
    message: 'The console never imports infra/ (the deployment): it is served as static files anywhere.',
  },
  emulatorToSrc: {
    target: './emulator',
    from: './src',
    message: 'The emulator is independent of the console: it never imports src/.',
  },
};

const noReact = {
  paths: ['react', 'react-dom', 'react-router', 'react-oidc-context'].map((name) => ({
    name,
    message: 'src/aws has no React: put hooks and components in src/app or src/components (TanStack Query is fine).',
  })),
  patterns: [
    {
      group: ['react/*', 'react-dom/*'],
      message: 'src/aws has no React: put hooks and components in src/app or src/components (TanStack Query is fine).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.aws-local',
      'test-results',
      'playwright-report',
      '.test-results',
      'bench/results*',
      '.e2e-build',
      'infra/cdk.out',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [jsxA11y.flatConfigs.recommended, ...pluginQuery.configs['flat/recommended']],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },

  // Dependency directions (import-x resolves each import to a file, through the TypeScript resolver).
  {
    files: ['src/**/*.{ts,tsx}', 'emulator/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [zone.components, zone.aws, zone.srcToEmulator, zone.srcToInfra] },
      ],
    },
  },
  {
    // Tests beside the code keep its directions, and may start the emulator.
    files: TESTS.map((t) => `src/${t}`),
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [zone.components, zone.aws] }],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [zone.emulatorToSrc] }],
    },
  },
  {
    // No import cycles in the console, lazy `import()` included: pages link to each other through
    // src/app/routes.ts (which imports no page), never through the registry that loads them.
    // 8 hops covers src's depth and keeps lint fast.
    files: ['src/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'import-x/no-cycle': ['error', { maxDepth: 8, ignoreExternal: true }],
    },
  },
  {
    files: ['src/aws/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', noReact],
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXElement, JSXFragment', message: 'src/aws has no React components.' },
      ],
    },
  },
  {
    // Only src/aws talks to AWS: pages and components get app types from its api functions.
    files: ['src/components/**/*.{ts,tsx}', 'src/pages/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '@smithy/*'],
              message: 'Only src/aws calls the AWS SDK: add an api function there and use its app types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
