import { type N8nTestEnvironment, type N8nTestOptions, SETUP_TIMEOUT_MS, setUpN8nTestEnvironment } from '../../../scripts/n8n';

/**
 * Registers beforeAll / afterAll for one test file and returns the environment, whose members
 * are filled in by the time the tests run:
 *
 *   const n8n = useN8nTestEnvironment({ workflows: ['text-to-video'], shared: true });
 *   it('renders', async () => { const run = await n8n.executeOk('textToVideo'); ... });
 *
 * With `shared: true` the workflows run in the n8n server the whole e2e run shares (cheap);
 * without it, the file gets a user folder of its own and `n8n execute` per run.
 */
export function useN8nTestEnvironment(options: N8nTestOptions = {}): N8nTestEnvironment {
	const environment = {} as N8nTestEnvironment;
	beforeAll(async () => {
		Object.assign(environment, await setUpN8nTestEnvironment(options));
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		await environment.tearDown?.();
	}, 60_000);
	return environment;
}
