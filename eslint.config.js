import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * The import boundaries of docs/architecture.md ("folder | owns | may import"), one block per
 * folder. Each folder gets one no-restricted-imports rule listing what it may not reach:
 * packages by a regex over bare specifiers, and the other top-level folders by a regex over
 * relative paths (`../../db/store` from anywhere below renderer/ reaches db/; no folder below
 * the top level is named like one of them).
 */
const TOP_FOLDERS = ['core', 'db', 'main', 'preload', 'renderer'];
/** A relative import that climbs out to one of these top-level folders. */
const reaches = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });
/** A bare (package) import other than these. */
const packagesExcept = (allowed, message) => ({ regex: `^(?!\\.|(${allowed.join('|')})$)`, message });
const boundary = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const others = (self) => TOP_FOLDERS.filter((f) => f !== self && f !== 'core');

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.native/**', 'screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression[expression.type="TSAsExpression"][expression.typeAnnotation.type="TSUnknownKeyword"]',
          message: 'No double casts (`as unknown as`): type the value properly.',
        },
      ],
      // Stripping control characters from user text is intentional.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // core/ is pure TypeScript: zod is its one package, and it reaches no other folder.
    files: ['core/**/*.ts'],
    rules: boundary(
      packagesExcept(['zod'], 'core/ is pure TypeScript: zod is its only package (no Node, DOM-only, Electron or React).'),
      reaches(['db', 'main', 'preload', 'renderer'], 'core/ is the bottom layer: it imports no other folder.'),
    ),
  },
  {
    // db/ is the scenario file: core, better-sqlite3 and Node.
    files: ['db/**/*.ts'],
    rules: boundary(
      packagesExcept(['zod', 'better-sqlite3', 'node:.*'], 'db/ uses core, better-sqlite3 and Node only.'),
      reaches(others('db'), 'db/ imports core only, never main, preload or renderer.'),
    ),
  },
  {
    // Main behind plain interfaces: core, db and Node; only main/electron and main/index.ts see electron.
    files: ['main/app/**/*.ts', 'main/handlers/**/*.ts', 'main/cli/**/*.ts', 'main/ipc/**/*.ts', 'main/export/**/*.ts', 'main/import/**/*.ts'],
    rules: boundary(
      { group: ['electron'], message: 'Only main/electron and main/index.ts may import electron.' },
      reaches(['preload', 'renderer'], 'main/ imports core and db, never preload or renderer.'),
    ),
  },
  {
    files: ['main/electron/**/*.ts', 'main/index.ts'],
    rules: boundary(reaches(['preload', 'renderer'], 'main/ imports core and db, never preload or renderer.')),
  },
  {
    // The preload exposes exactly the contract: electron's contextBridge and core/contract, nothing else.
    files: ['preload/**/*.ts'],
    rules: boundary(
      packagesExcept(['electron'], 'preload/ uses electron and core/contract only.'),
      reaches(others('preload'), 'preload/ imports core/contract only.'),
      { regex: '^(\\.\\./)+core/(?!contract(/|$))', message: 'preload/ imports core/contract only.' },
    ),
  },
  {
    // The renderer is a web page: core, React and the browser, never Node, Electron or the file.
    // Its packages are listed, not its forbidden ones: a bare Node builtin (`fs`, `path`) has no
    // `node:` prefix to catch.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: boundary(
      packagesExcept(
        ['react', 'react-dom/client', '@xyflow/react', '@xyflow/react/dist/style\\.css', 'dompurify', 'marked'],
        'renderer/ runs in the page: React, React Flow, marked and DOMPurify are its packages (no Node, Electron or native ones).',
      ),
      reaches(others('renderer'), 'renderer/ imports core only; it reaches main through window.workbench.'),
    ),
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
