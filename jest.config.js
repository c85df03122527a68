/** Suites: unit (pure logic), contract (node execute against the simulator over HTTP), e2e (the
 * packed package inside a real n8n) and queue (n8n queue mode), run by `npm test` in that order;
 * screenshots (the editor in Chromium) by `npm run test:screenshots`. */
const base = {
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testEnvironment: 'node',
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

const e2e = {
	...base,
	// Installs n8n into the cache folder on the first run and packs the package, once per run.
	globalSetup: '<rootDir>/test/e2e/helpers/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/helpers/globalTeardown.ts',
	setupFilesAfterEnv: ['<rootDir>/test/e2e/helpers/testTimeout.ts'],
};

module.exports = {
	// Contract tests wait for (time-scaled) renders of the simulator.
	testTimeout: 60_000,
	// Unit and contract files mostly wait (simulated renders, poll intervals, grace periods): several
	// at once even on 2 cores, where Jest's default (cores - 1 = 1) runs them one after another.
	// `test:contract` (more files that wait), `test:e2e`, `test:queue` and `test:n8n` set their own
	// (--maxWorkers, --runInBand).
	maxWorkers: 4,
	// jest's order, except that the queue-mode file and the e2e files that mostly wait on n8n's clock start first.
	testSequencer: '<rootDir>/test/e2e/helpers/testSequencer.js',
	projects: [
		{ ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...base, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
		{
			...e2e,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			testPathIgnorePatterns: ['/test/e2e/queue/', '/test/e2e/screenshots.test.ts'],
			// Also starts the n8n server that test files with `shared: true` use.
			globalSetup: '<rootDir>/test/e2e/helpers/sharedServerGlobalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/helpers/sharedServerGlobalTeardown.ts',
		},
		// The editor in headless Chromium: `npm run test:screenshots`.
		{ ...e2e, displayName: 'screenshots', testMatch: ['<rootDir>/test/e2e/screenshots.test.ts'] },
		// n8n queue mode (Postgres, Redis, workers, webhook processes): `npm run test:queue`, last in `npm test`.
		{ ...e2e, displayName: 'queue', testMatch: ['<rootDir>/test/e2e/queue/**/*.test.ts'] },
	],
};
