/**
 * The node against a hostile API: every answer is scripted to lure the token, a generation or a
 * download somewhere else. The canary server stands for that somewhere else: it must receive
 * nothing, whatever the case.
 */
import { UseApiApi } from '../../credentials/UseApiApi.credentials';
import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { runNode, testCredential } from './harness';
import type { RecordingServer } from './hostile/servers';
import { json, redirect, startRecordingServer } from './hostile/servers';
import { textToVideo } from './simulatorSession';

const TOKEN = 'hostile-suite-token';
const VIDEO_ID = 'user:1234-pixverse:fox@example.com-video:987';

let api: RecordingServer;
let canary: RecordingServer;

beforeAll(async () => {
	[api, canary] = await Promise.all([startRecordingServer(), startRecordingServer(json(200, { lured: true }))]);
});
beforeEach(() => {
	api.requests.length = 0;
	canary.requests.length = 0;
	api.answer(json(404, { error: 'nothing here' }));
});
afterEach(() => {
	expect(canary.requests).toEqual([]);
});
afterAll(async () => {
	await Promise.all([api.close(), canary.close()]);
});

const run = (parameters: Parameters<typeof runNode>[0]['parameters']) =>
	runNode({ node: new PixVerse(), parameters, credentials: { useApiApi: { apiToken: TOKEN, baseUrl: api.url } } });

/** The error as n8n would store and show it: nothing of it may carry the token. */
const shown = (error: unknown) => JSON.stringify(error, Object.getOwnPropertyNames(error as object));

describe('redirects from the API', () => {
	it.each([301, 302, 303, 307, 308])('a GET answered %i is an error naming the target host, not followed', async (status) => {
		api.answer(redirect(status, `${canary.url}/v2/pixverse/videos/${VIDEO_ID}`));
		const result = await run({ resource: 'video', operation: 'get', videoId: VIDEO_ID });
		expect(result.error?.message).toContain(`redirect (HTTP ${status}) to ${canary.origin.host}`);
		expect(result.error?.message).toContain('not followed');
		expect(shown(result.error)).not.toContain(TOKEN);
		expect(api.requests).toHaveLength(1);
	});

	it.each([302, 307])('a generation POST answered %i says nothing was accepted and is sent nowhere else', async (status) => {
		api.answer(redirect(status, `${canary.url}/v2/pixverse/videos/create`));
		const result = await run(textToVideo({ waitMode: 'none' }));
		expect(result.error?.message).toContain(`redirect (HTTP ${status}) to ${canary.origin.host}`);
		expect((result.error as { description?: string }).description).toContain('Nothing was accepted');
		expect(shown(result.error)).not.toContain(TOKEN);
		const posts = api.requests.filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(1);
	});

	it('a redirect to a relative path on the same host is not followed either', async () => {
		api.answer(redirect(302, '/v2/pixverse/accounts'));
		const result = await run({ resource: 'video', operation: 'get', videoId: VIDEO_ID });
		expect(result.error?.message).toContain(`to ${api.origin.host}`);
		expect(api.requests).toHaveLength(1);
	});

	it('the credential test fails on a redirect and sends the token nowhere else', async () => {
		api.answer(redirect(302, `${canary.url}/v2/pixverse/accounts`));
		const result = await testCredential(new UseApiApi(), { apiToken: TOKEN, baseUrl: api.url });
		expect(result.ok).toBe(false);
		expect(api.requests).toHaveLength(1);
	});
});
