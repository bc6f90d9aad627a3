// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** Module boundaries: the console and the shared contracts never reach into server code. */
const boundaryRules = {
  plugins: { boundaries },
  settings: {
    // Resolves `.js` specifiers to the `.ts` sources so that relative imports across projects are classified.
    'import/resolver': {
      typescript: {
        noWarnOnMultipleProjects: true,
        project: [
          'libs/contracts/tsconfig.json',
          'backend/tsconfig.json',
          'satellite/tsconfig.json',
          'admin-ui/tsconfig.json',
          'e2e/tsconfig.json',
          'tools/tsconfig.json',
        ],
      },
    },
    'boundaries/elements': [
      { type: 'contracts', pattern: 'libs/contracts' },
      { type: 'backend', pattern: 'backend' },
      { type: 'satellite', pattern: 'satellite' },
      { type: 'admin-ui', pattern: 'admin-ui' },
      { type: 'e2e', pattern: 'e2e' },
      { type: 'bench', pattern: 'bench' },
      { type: 'tools', pattern: 'tools' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      2,
      {
        default: 'allow',
        policies: [
          {
            from: { element: { type: 'contracts' } },
            disallow: { to: { element: { types: { anyOf: ['backend', 'satellite', 'admin-ui', 'e2e', 'bench'] } } } },
          },
          {
            from: { element: { type: 'admin-ui' } },
            disallow: { to: { element: { types: { anyOf: ['backend', 'satellite', 'e2e', 'bench'] } } } },
          },
          {
            from: { element: { type: 'backend' } },
            disallow: { to: { element: { types: { anyOf: ['satellite', 'admin-ui'] } } } },
          },
          {
            from: { element: { type: 'satellite' } },
            disallow: { to: { element: { types: { anyOf: ['backend', 'admin-ui'] } } } },
          },
        ],
      },
    ],
  },
};

const serverPackages = ['@orbit/backend', '@orbit/backend/*', '@orbit/satellite', '@orbit/satellite/*'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.angular/**',
      '.nx/**',
      '.cache/**',
      'artifacts/**',
      'coverage/**',
      'data/**',
      '**/out-tsc/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['jest.config.ts', 'eslint.config.mjs', 'scripts/*.mjs', 'bench/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Nest and class-validator rely on classes with decorators only.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/scripts/**/*.mjs', 'bench/**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        setTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts', 'tools/**/*.ts'],
    rules: {
      // Tests read JSON bodies freely; the assertions check their shape.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', ...serverPackages, '@nestjs/*', 'typeorm', 'bullmq', '@angular/*'],
              message: 'libs/contracts is shared with the browser: no server or framework imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['admin-ui/**/*.ts'],
    rules: {
      // Angular's static validators (Validators.required) are meant to be passed unbound.
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: serverPackages, message: 'The console talks to the backend over HTTP only.' }] },
      ],
    },
  },
  boundaryRules,
  prettier,
);
