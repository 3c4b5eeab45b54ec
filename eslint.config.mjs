// Lint = the architecture's import boundaries (ARCHITECTURE.md "Processes and folders") and a ban on `.only`.
// Style is left to the compiler (strict TypeScript); these rules guard what tsc cannot see.
import tseslint from 'typescript-eslint';

const NODE_MODULES = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'stream', 'zlib', 'url', 'util', 'http', 'https', 'net'];
const nodeImports = [
  { group: ['node:*'], message: 'shared/ and renderer/ must not use Node APIs; put Node code in electron/services.' },
  ...NODE_MODULES.map((m) => ({ group: [m, `${m}/*`], message: 'No Node built-ins here; put Node code in electron/services.' })),
];
const rendererPaths = [{ name: 'electron', message: 'The renderer talks to main only through window.jxmb (shared/ipc).' }, { name: 'exceljs', message: 'xlsx work happens in electron/services.' }];
const rendererPattern = { group: ['**/electron/**'], message: 'The renderer must not import main-process code.' };
const HOT_MESSAGE = 'Only renderer/src/grid/hot-adapter.ts (and hot-internals.ts) may use Handsontable; go through the grid adapter (grid-types.ts).';
const handsontablePaths = ['handsontable', '@handsontable/react-wrapper'].map((name) => ({ name, message: HOT_MESSAGE }));
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
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom', 'handsontable', 'exceljs', 'playwright-core'].map((name) => ({
          name, message: 'shared/ is pure: no electron, React, DOM widgets, xlsx library or browser driver.',
        })),
        patterns: [
          ...nodeImports,
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on electron/ or renderer/.' },
          { group: ['@handsontable/*', 'react-dom/*', 'exceljs/*'], message: 'shared/ is pure.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
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
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/main/ipc-handlers.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Services, CLI and IPC handlers are plain Node modules (tested in Node); only electron/main/main.ts and the preload import electron.' }],
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
