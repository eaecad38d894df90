'use strict';
// Our TypeScript is compiled by SWC (with decorator metadata for Nest and TypeORM).
// On Node 24 Jest can require the ESM-only Nest 12 packages as they are.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// Tests that start processes wait by progress (test/harness/progress.js); the
// rest get limits scaled by how loaded the machine is when Jest starts.
const { scaled } = require('./test/harness/progress');

module.exports = {
  rootDir: __dirname,
  // Jest's node environment that also ends every process group a test file started.
  testEnvironment: '<rootDir>/test/harness/environment.js',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@samverkan/(.*)$': '<rootDir>/libs/$1/src' },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/chaos/'],
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.js',
  testTimeout: scaled(60_000),
  maxWorkers: process.env.JEST_WORKERS ?? 2,
  watchman: false,
};
