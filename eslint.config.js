// Lint keeps the boundaries of DESIGN.md: core imports nothing of the others,
// shared imports only core, web never imports server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const banned = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: 'Layer boundary: see DESIGN.md "Layout".' })) }],
});

// The web app: never the server. Each folder of src/web/routes is one module that stands alone.
const webLayer = ['#server/*', '#cli/*', '**/server/**', 'fastify*', 'pg', '@electric-sql/*', 'drizzle-orm*'];
const webModules = readdirSync(new URL('./src/web/routes/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const webLayerPatterns = banned(webLayer)['no-restricted-imports'][1].patterns;
// A later setting of a rule replaces an earlier one for the same files, so each web block repeats the layer boundary.
const webRules = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [...webLayerPatterns, ...patterns.map((group) => ({ group: [group], message }))] }],
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
    rules: banned(webLayer),
  },
  {
    files: ['src/web/components/**'],
    rules: webRules(['**/routes/**'], 'Shared web code imports no module of src/web/routes: see DESIGN.md "Layout".'),
  },
  ...webModules.map((module) => ({
    files: [`src/web/routes/${module}/**`],
    rules: webRules(
      webModules.filter((other) => other !== module).flatMap((other) => [`../${other}/**`, `../../${other}/**`, `../../../${other}/**`, `**/routes/${other}/**`]),
      'A web module imports no other module: what two modules share lives in src/web/components; src/web/router.tsx brings modules together.',
    ),
  })),
);
