/** Jest runs the TypeScript sources as native ES modules (ts-jest, transpile only: tsc type-checks). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // the container image's checks run when CRMS_IMAGE names a built image (make image-test)
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.CRMS_IMAGE ? [] : ['<rootDir>/test/image/'])],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
