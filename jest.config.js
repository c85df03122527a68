/** Three suites: unit (pure logic), contract (node execute against the simulator over HTTP),
 * e2e (the packed package inside a real n8n). `npm test` runs them in that order. */
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] };

module.exports = {
	projects: [
		{ displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], transform: tsJest, testEnvironment: 'node' },
		{ displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'], transform: tsJest, testEnvironment: 'node' },
		{
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			transform: tsJest,
			testEnvironment: 'node',
			// Installs n8n into the cache folder on the first run and packs the package, once per run.
			globalSetup: '<rootDir>/test/e2e/helpers/globalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/helpers/globalTeardown.ts',
			testTimeout: 300_000,
		},
	],
};
