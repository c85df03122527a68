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

describe('ids that would change the path', () => {
	it.each([
		['Video > Delete', { resource: 'video', operation: 'delete', videoId: '../accounts/demo@example.com' }, 'Video ID (video_id) "../accounts/demo@example.com"'],
		['Video > Get', { resource: 'video', operation: 'get', videoId: '../accounts' }, 'Video ID (video_id) "../accounts"'],
		['Video > Download', { resource: 'video', operation: 'download', videoId: `${VIDEO_ID}/../../accounts` }, `Video ID (video_id) "${VIDEO_ID}/../../accounts"`],
		['Video > Get with a query', { resource: 'video', operation: 'get', videoId: `${VIDEO_ID}?email=other@example.com` }, 'contains "?"'],
		['Video > Get percent-encoded', { resource: 'video', operation: 'get', videoId: '%2e%2e%2faccounts' }, 'contains "%"'],
		['an image id', { resource: 'video', operation: 'get', videoId: 'user:1-pixverse:a@b.co-image:1/../../accounts' }, 'Video ID (video_id)'],
		['Scheduler > Release Slot', { resource: 'scheduler', operation: 'release', jobId: '../../accounts/demo@example.com' }, 'Job ID "../../accounts/demo@example.com"'],
		['Account > Get', { resource: 'account', operation: 'get', account: '../videos' }, 'Account email "../videos"'],
		['Account > Delete', { resource: 'account', operation: 'delete', account: 'demo@example.com/../../videos/x' }, 'Account email "demo@example.com/../../videos/x"'],
		['Account > Add or Update', { resource: 'account', operation: 'save', accountEmail: 'demo@example.com#x', accountPassword: 'pw', maxJobs: 1 }, 'Account email "demo@example.com#x" contains "#"'],
	])('%s: nothing is sent, and the error names the field, the value and what is allowed', async (_label, parameters, named) => {
		const result = await run(parameters);
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain(named);
		expect((result.error as { description?: string }).description).toMatch(/^Allowed: .+\. Nothing was sent to useapi\.net\.$/);
		expect(api.requests).toEqual([]);
	});
});
