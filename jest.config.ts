import type { Config } from 'jest';

// One run for every project. Backend, satellite, contracts and e2e are ES modules (NestJS 12 is ESM-only), so
// Jest runs under `node --experimental-vm-modules` (see package.json) and @swc/jest compiles TypeScript, keeping
// decorator metadata for Nest. The Angular console uses jest-preset-angular in its usual CommonJS mode.

const swcEsm: Config['transform'] = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    },
  ],
};

const esmProject = (displayName: string, roots: string[], testMatch: string[], extra: Partial<Config> = {}): Config => ({
  displayName,
  rootDir: __dirname,
  roots,
  testMatch,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: swcEsm,
  moduleNameMapper: {
    '^@orbit/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  ...extra,
});

const config: Config = {
  cacheDirectory: '<rootDir>/.cache/jest',
  maxWorkers: 2,
  // A global option (Jest ignores it per project): integration and browser tests start whole stacks.
  testTimeout: 120_000,
  projects: [
    esmProject('contracts', ['<rootDir>/libs/contracts/src'], ['**/*.spec.ts']),
    esmProject('backend', ['<rootDir>/backend/src'], ['**/*.spec.ts']),
    esmProject('backend-integration', ['<rootDir>/backend/src'], ['**/*.integration-spec.ts'], {
      slowTestThreshold: 30,
    }),
    esmProject('satellite', ['<rootDir>/satellite/src'], ['**/*.spec.ts']),
    esmProject('tools', ['<rootDir>/tools'], ['**/*.spec.ts']),
    esmProject('e2e', ['<rootDir>/e2e'], ['**/*.e2e-spec.ts'], {
      slowTestThreshold: 60,
      testEnvironment: '<rootDir>/e2e/support/environment.mjs',
    }),
    {
      displayName: 'admin-ui',
      rootDir: `${__dirname}/admin-ui`,
      preset: 'jest-preset-angular',
      setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      moduleNameMapper: {
        '^@orbit/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
        '^(\\.{1,2}/.*)\\.js$': '$1',
      },
      transform: {
        '^.+\\.(ts|js|mjs|html|svg)$': [
          'jest-preset-angular',
          { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
        ],
      },
    },
  ],
};

export default config;
