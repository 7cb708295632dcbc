// Lint keeps the boundaries of DESIGN.md: core imports nothing of the others,
// shared imports only core, web never imports server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const banned = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: 'Layer boundary: see DESIGN.md "Layout".' })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: banned(['#server/*', '#web/*', '#shared/*', '#cli/*', '**/server/**', '**/web/**', '**/shared/**', 'fastify*', 'react*', 'pg', '@electric-sql/*', 'drizzle-orm*', 'node:fs', 'node:http', 'fs']),
  },
  {
    files: ['src/shared/**'],
    rules: banned(['#server/*', '#web/*', '#cli/*', '**/server/**', '**/web/**', 'fastify*', 'react*', 'pg', '@electric-sql/*', 'drizzle-orm*']),
  },
  {
    files: ['src/web/**'],
    rules: banned(['#server/*', '#cli/*', '**/server/**', 'fastify*', 'pg', '@electric-sql/*', 'drizzle-orm*']),
  },
);
