import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { UseApiApi } from '../../../credentials/UseApiApi.credentials';
import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { loadOptions, testCredential } from '../harness';
import { simulatorSession, textToVideo, TOKEN } from '../simulatorSession';

describe('transport against the simulator', () => {
	const session = simulatorSession({ mp4Bytes: 50_000 });

	async function finishedVideoId(): Promise<string> {
		const run = await session.run(textToVideo({ download: false }));
		const videoId = run.output![0][0].json.video_id as string;
		session.sim.clearLog();
		return videoId;
	}

	it('reads the credential once per run for its own use; only n8n\'s authentication reads it per request', async () => {
		const run = await session.run(textToVideo({ prompt: '={{ $json.prompt }}', download: false }), { items: [{ json: { prompt: 'one' } }, { json: { prompt: 'two' } }, { json: { prompt: 'three' } }] });
		expect(run.error).toBeUndefined();
		const requests = session.apiRequests().length;
		expect(requests).toBeGreaterThanOrEqual(6);
		expect(run.credentialReads()).toBe(requests + 1);
	});

	it('gives up on a GET after a bounded number of attempts', async () => {
		const videoId = await finishedVideoId();
		session.sim.addFault({ method: 'GET', path: 'pixverse/videos/user', kind: 'status', status: 502, retryAfter: 0, times: 100 });
		const run = await session.run({ resource: 'video', operation: 'get', videoId });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error!.message).toContain('server error');
		expect(session.apiRequests().filter((entry) => entry.method === 'GET')).toHaveLength(6);
	});

	it('never resends a generation POST after a server error', async () => {
		session.sim.addFault({ method: 'POST', path: 'pixverse/videos/create', kind: 'status', status: 500 });
		const run = await session.run(textToVideo());
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(session.apiRequests().filter((entry) => entry.method === 'POST')).toHaveLength(1);
	});

	it('never resends a generation POST whose answer was lost, and says how to check', async () => {
		session.sim.addFault({ method: 'POST', path: 'pixverse/videos/create', kind: 'reset' });
		const run = await session.run(textToVideo());
		expect(run.error!.message).toMatch(/^The answer to POST \/videos\/create was lost/);
		expect((run.error as NodeOperationError).description).toContain('it was not sent again');
		expect(session.apiRequests().filter((entry) => entry.method === 'POST')).toHaveLength(1);
	});

	it('lists accounts for the Account dropdown', async () => {
		await session.sim.reset({ accounts: [{ email: 'a@example.com', maxJobs: 3, credits: 10 }, { email: 'b@example.com', maxJobs: 8, credits: 10 }] });
		const options = await loadOptions(new PixVerse(), 'getAccounts', {
			parameters: { resource: 'video', operation: 'create' },
			credentials: { useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } },
		});
		expect(options.map((option) => option.value)).toEqual(['', 'a@example.com', 'b@example.com']);
		expect(options[1].description).toBe('Up to 3 videos at once');
	});

	it('sends the chosen account as email', async () => {
		await session.sim.reset({ renderMs: 300, accounts: [{ email: 'a@example.com', maxJobs: 3, credits: 100000 }, { email: 'b@example.com', maxJobs: 8, credits: 100000 }] });
		const run = await session.run(textToVideo({ account: 'b@example.com', download: false }));
		expect(run.output![0][0].json.video_id).toContain('pixverse:b@example.com-video:');
		expect(session.apiRequests().find((entry) => entry.method === 'POST')!.body!.email).toBe('b@example.com');
	});

	it('tests the credential with a free GET of the accounts', async () => {
		const ok = await testCredential(new UseApiApi(), { apiToken: TOKEN, baseUrl: `${session.sim.url}/` });
		expect(ok.ok).toBe(true);
		const bad = await testCredential(new UseApiApi(), { apiToken: 'wrong', baseUrl: session.sim.url });
		expect(bad.ok).toBe(false);
		const requests = session.apiRequests().map((entry) => `${entry.method} ${entry.path}`);
		expect(new Set(requests)).toEqual(new Set(['GET /v2/pixverse/accounts']));
	});
});
