// Lint keeps the boundaries of docs/architecture.md:
// - core imports nothing of the others and never reads the clock; shared imports only core;
//   web never imports the server; services never import routes, plugins or Fastify;
// - across layers, imports go through the package aliases (#core/…, #shared/…, #server/…, #web/…,
//   #cli/…), never `../../` out of a layer; tests, benchmarks and scripts import src the same way;
// - each folder of src/web/routes is one module that stands alone: what two modules share lives in
//   src/web/components, and src/web/router.tsx brings the modules together.
// NOTE: a later setting of a rule replaces an earlier one for the same files, so each block below
// states every import pattern its files must respect, built from the pieces here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const LAYERS = 'core|shared|server|web|cli';

const layer = (...groups) => groups.map((group) => ({ group: [group], message: 'Layer boundary: see docs/architecture.md.' }));
const aliasesAcrossLayers = {
  regex: `^(\\.\\./)+(${LAYERS})/`,
  message: 'Across layers, import through the package aliases (#core/…, #shared/…, #server/…, #web/…, #cli/…).',
};
const aliasesFromOutside = {
  regex: '^(\\.\\./)+src/',
  message: 'Import the code of src through the package aliases (#core/…, #shared/…, #server/…, #web/…, #cli/…).',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.flat() }] });

const database = ['pg', '@electric-sql/*', 'drizzle-orm*'];
const coreBans = layer('#server/*', '#web/*', '#shared/*', '#cli/*', 'fastify*', '@fastify/*', 'react*', ...database, 'node:fs', 'node:http', 'fs');
const sharedBans = layer('#server/*', '#web/*', '#cli/*', 'fastify*', '@fastify/*', 'react*', ...database);
const serverBans = layer('#web/*', '#cli/*', 'react*');
const useCaseBans = [
  ...serverBans,
  ...['fastify*', '@fastify/*', '#server/routes/*', '#server/plugins/*', '**/routes/**', '**/plugins/**'].map((group) => ({
    group: [group],
    message: 'Services, queries and jobs never see HTTP: they take {actor, tx, now}, not a request (STYLE.md §3-4).',
  })),
];
const webBans = layer('#server/*', '#cli/*', 'fastify*', '@fastify/*', ...database);

const webModules = readdirSync(new URL('./src/web/routes/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const otherModules = (module) => ({
  group: webModules.filter((other) => other !== module).flatMap((other) => [`../${other}/**`, `../../${other}/**`, `../../../${other}/**`, `**/routes/${other}/**`]),
  message: 'A web module imports no other module: what two modules share lives in src/web/components; src/web/router.tsx brings modules together.',
});
const noModules = { group: ['**/routes/**'], message: 'Shared web code imports no module of src/web/routes.' };

const clock = 'The core never reads the clock or draws random numbers: take them as arguments (DESIGN.md "Principles" 2).';

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
    rules: {
      ...restrict(coreBans, aliasesAcrossLayers),
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clock },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clock },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: clock },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: clock },
      ],
    },
  },
  { files: ['src/shared/**'], rules: restrict(sharedBans, aliasesAcrossLayers) },
  { files: ['src/server/**'], rules: restrict(serverBans, aliasesAcrossLayers) },
  { files: ['src/server/services/**', 'src/server/db/**', 'src/server/jobs/**'], rules: restrict(useCaseBans, aliasesAcrossLayers) },
  { files: ['src/cli/**'], rules: restrict(aliasesAcrossLayers) },
  { files: ['src/web/**'], rules: restrict(webBans, aliasesAcrossLayers) },
  { files: ['src/web/components/**'], rules: restrict(webBans, aliasesAcrossLayers, noModules) },
  ...webModules.map((module) => ({ files: [`src/web/routes/${module}/**`], rules: restrict(webBans, aliasesAcrossLayers, otherModules(module)) })),
  { files: ['tests/**', 'bench/**', 'scripts/**'], rules: restrict(aliasesFromOutside) },
);
