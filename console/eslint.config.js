// The console talks to CRMS only through the generated SDK (@crms/sdk): no hand-written HTTP calls.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_RAW_HTTP = 'Call CRMS through the generated SDK (@crms/sdk, src/api.ts), not by hand';

export default tseslint.config(
  { ignores: ['dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: NO_RAW_HTTP },
        { name: 'XMLHttpRequest', message: NO_RAW_HTTP },
        { name: 'EventSource', message: NO_RAW_HTTP },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: NO_RAW_HTTP },
        { object: 'globalThis', property: 'fetch', message: NO_RAW_HTTP },
        { object: 'self', property: 'fetch', message: NO_RAW_HTTP },
        { object: 'navigator', property: 'sendBeacon', message: NO_RAW_HTTP },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='XMLHttpRequest']", message: NO_RAW_HTTP },
        { selector: "CallExpression[callee.name='fetch']", message: NO_RAW_HTTP },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': ['error', { paths: [{ name: 'axios', message: NO_RAW_HTTP }] }],
    },
  },
);
