// Lint = the architecture's import boundaries (ARCHITECTURE.md "Processes and folders") and a ban on `.only`.
// Style is left to the compiler (strict TypeScript); these rules guard what tsc cannot see.
import tseslint from 'typescript-eslint';

const NODE_MODULES = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'stream', 'zlib', 'url', 'util', 'http', 'https', 'net'];
const nodeImports = [
  { group: ['node:*'], message: 'shared/ and renderer/ must not use Node APIs; put Node code in electron/services.' },
  ...NODE_MODULES.map((m) => ({ group: [m, `${m}/*`], message: 'No Node built-ins here; put Node code in electron/services.' })),
];
/**
 * The layers of shared/, lowest first. A module may import from its own folder and from LOWER
 * tiers only: never from a higher tier, nor from another folder of its own tier (so the layers
 * stay a DAG and each can be tested on the ones below):
 *   errors.ts, limits.ts (leaves) → values (money, amounts, indicator values) → model (project data
 *   shapes, incl. the shape of a family definition) → families (built-in family data, lookup, new
 *   tables) → vocabulary (label and term recognition) → layout (the official form: cells, bindings,
 *   indicator runs, row heights) → {xlsx (import), validation (rules), print (pages, HTML)} →
 *   {library (指标库, built with validation), export (the xlsx write plan, from print's page plan)} → commands (editing) → {document, docx, fill, year, file}
 *   → ipc (the contract with the renderer).
 */
const SHARED_LAYERS = [
  ['errors.ts', 'limits.ts'],
  ['values'],
  ['model'],
  ['families'],
  ['vocabulary'],
  ['layout'],
  ['xlsx', 'validation', 'print'],
  ['library', 'export'],
  ['commands'],
  ['document', 'docx', 'fill', 'year', 'file'],
  ['ipc'],
];

/**
 * Regex of an import of shared/<name> (a folder or a top-level file) by a module of shared/:
 * `../name…` from a folder's file, `./name…` from a top-level file (`fromTop`).
 */
function sharedModuleRegex(names, fromTop) {
  const alternatives = names.map((n) => n.replace(/\.ts$/, ''));
  return `^${fromTop ? '\\.' : '\\.\\.'}/(?:${alternatives.join('|')})(?:/|\\.ts$|$)`;
}

/** no-restricted-imports options of shared/: purity everywhere, plus the layering of `name` at tier `t`. */
function sharedImports(name, t) {
  const patterns = [
    ...nodeImports,
    { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on electron/ or renderer/.' },
    { group: ['@handsontable/*', 'react-dom/*', 'exceljs/*'], message: 'shared/ is pure.' },
  ];
  if (name !== undefined) {
    const above = SHARED_LAYERS.slice(t + 1).flat();
    const peers = SHARED_LAYERS[t].filter((n) => n !== name);
    const forbidden = [...above, ...peers];
    if (forbidden.length > 0) {
      patterns.push({
        regex: sharedModuleRegex(forbidden, name.endsWith('.ts')),
        message: `shared/${name} is in layer ${t} of shared/ (eslint.config.mjs SHARED_LAYERS): it must not import a higher layer or a folder of its own layer.`,
      });
    }
  }
  return {
    paths: ['electron', 'react', 'react-dom', 'handsontable', 'exceljs', 'playwright-core'].map((n) => ({
      name: n, message: 'shared/ is pure: no electron, React, DOM widgets, xlsx library or browser driver.',
    })),
    patterns,
  };
}

const rendererPaths = [{ name: 'electron', message: 'The renderer talks to main only through window.jxmb (shared/ipc).' }, { name: 'exceljs', message: 'xlsx work happens in electron/services.' }];
const rendererPattern = { group: ['**/electron/**'], message: 'The renderer must not import main-process code.' };
const HOT_MESSAGE = 'Only renderer/src/grid/hot-adapter.ts (and hot-internals.ts) may use Handsontable; go through the grid adapter (grid-types.ts).';
const handsontablePaths = ['handsontable'].map((name) => ({ name, message: HOT_MESSAGE }));
const handsontablePatterns = [{ group: ['handsontable/*', '@handsontable/*'], message: HOT_MESSAGE }];
const onlyBan = {
  'no-restricted-properties': [
    'error',
    ...['describe', 'it', 'test'].map((object) => ({ object, property: 'only', message: '.only is banned: it silently skips the rest of the suite.' })),
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-output/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { ...onlyBan },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', sharedImports()],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
  // The layers of shared/ (see SHARED_LAYERS): one block per folder, the purity rules plus its layering.
  ...SHARED_LAYERS.flatMap((tier, t) => tier.map((name) => ({
    files: name.endsWith('.ts') ? [`shared/${name}`] : [`shared/${name}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', sharedImports(name, t)] },
  }))),
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...rendererPaths, ...handsontablePaths],
        patterns: [...nodeImports, rendererPattern, ...handsontablePatterns],
      }],
    },
  },
  {
    // The grid adapter and its internals file are the only modules that know the grid is Handsontable.
    files: ['renderer/src/grid/hot-adapter.ts', 'renderer/src/grid/hot-internals.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: [...nodeImports, rendererPattern] }],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/host/**/*.ts', 'electron/dev/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Services, CLI, the window host (electron/host) and the dev host are plain Node modules (tested in Node); only electron/main/ and the preload import electron.' }],
        patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'Node code must not import the renderer.' }],
      }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...nodeImports, { group: ['**/services/**', '**/cli/**', 'exceljs'], message: 'The preload only bridges IPC (contextBridge + ipcRenderer).' }],
      }],
    },
  },
);
