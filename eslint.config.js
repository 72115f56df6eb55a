// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const mlRuntimes = ['@tensorflow/*', '@huggingface/transformers', 'onnxruntime-*'];

/** What no page code may import: ML runtimes and storage belong to the engine worker. */
const pageRealmPatterns = [
  { group: mlRuntimes, message: 'ML runtimes load only inside the engine worker.' },
  {
    group: ['idb', '**/workers/*', '!**/workers/engine.worker.ts?worker*'],
    message:
      'Storage and engine code run in the worker; talk to it through src/client/engine-client.ts.',
  },
];

/** Test code (generators of hostile input, storage fixtures) never ships in the product. */
const testCode = {
  group: ['**/test/*', '**/test/**'],
  message: 'Production code does not import test code (test/ is for tests and e2e only).',
};

export default tseslint.config(
  {
    ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', 'public'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.shared.json',
          './tsconfig.app.json',
          './tsconfig.worker.json',
          './tsconfig.node.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The page realm: the React app, the widget and the client both use.
    files: ['src/{app,client,widget}/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      // The page never loads an ML runtime or touches storage: those belong to the worker.
      'no-restricted-imports': [
        'error',
        {
          patterns: [...pageRealmPatterns, testCode],
        },
      ],
    },
  },
  {
    // The widget is embedded in other people's pages: plain DOM, no React, no app code.
    files: ['src/{client,widget}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...pageRealmPatterns,
            testCode,
            {
              group: ['react', 'react-dom', '**/app/*', '**/app/**'],
              message: 'The widget and the client stay free of React and app code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      // Pure code: no runtime, storage or UI imports, so it runs in the page, the worker and Node.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...mlRuntimes,
                'idb',
                'react',
                'react-dom',
                '**/app/*',
                '**/workers/*',
                '**/client/*',
                '**/widget/*',
              ],
              message: 'src/shared is pure: no runtime, storage, page or UI imports.',
            },
            testCode,
          ],
        },
      ],
    },
  },
  {
    files: ['workers/**/*.ts'],
    languageOptions: { globals: globals.worker },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '**/app/*', '**/client/*', '**/widget/*'],
              message: 'Workers do not import page code (the app, the client or the widget).',
            },
            testCode,
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', 'test/**/*.ts', '*.config.{ts,js}', '**/*.test.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Unit tests sit beside the module they test but may use any realm and the test code.
    files: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
