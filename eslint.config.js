// ESLint for the service (src/, support/, test/, bench/, scripts/): typescript-eslint's strict rules. The console
// (console/) has its own configuration; generated/ is generated. Formatting is Prettier's business.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['console/**', 'generated/**', 'dist/**', 'node_modules/**', '.local/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    // tests assert what they just checked; a non-null assertion there is the assertion
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
