/**
 * The node against a hostile API: every answer is scripted to lure the token, a generation or a
 * download somewhere else. The canary server stands for that somewhere else: it must receive
 * nothing, whatever the case.
 */
import { readdirSync } from 'node:fs';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { UseApiApi } from '../../credentials/UseApiApi.credentials';
import { callbackSecret } from '../../nodes/core/callbackSecret';
import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { PixVerseTrigger } from '../../nodes/PixVerseTrigger/PixVerseTrigger.node';
import { ensureN8nRuntime, prepareTrigger, readBinaryData, runNode, testCredential } from './harness';
import type { Handler, RecordingServer } from './hostile/servers';
import { json, redirect, startRecordingServer } from './hostile/servers';
import { textToVideo } from './simulatorSession';

const TOKEN = 'hostile-suite-token';
const VIDEO_ID = 'user:1234-pixverse:fox@example.com-video:987';

let api: RecordingServer;
let canary: RecordingServer;
let binaryDataFolder = '';

/** Every file in n8n's binary-data folder, temporary ones included. */
const storedFiles = (): string[] =>
	readdirSync(binaryDataFolder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => `${entry.parentPath}/${entry.name}`)
		.sort();

beforeAll(async () => {
	[api, canary] = await Promise.all([startRecordingServer(), startRecordingServer(json(200, { lured: true }))]);
	({ binaryDataFolder } = await ensureN8nRuntime());
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

describe('media URLs named by the API', () => {
	const MP4 = Buffer.alloc(64 * 1024, 7);

	/** The API answers GET /videos/{id} with a finished record whose url is `url`, and serves /media/ itself. */
	function recordPointingAt(url: string, media: Handler = (_request, response) => response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': String(MP4.length) }).end(MP4)) {
		api.answer((request, response) => {
			if (request.url.startsWith('/media/')) media(request, response);
			else json(200, { video_id: VIDEO_ID, video_status_name: 'COMPLETED', video_status_final: true, url })(request, response);
		});
	}
	const download = (extra = {}) => run({ resource: 'video', operation: 'download', videoId: VIDEO_ID, ...extra });

	it('downloads from the Base URL itself, even though it is a loopback address (the simulator)', async () => {
		recordPointingAt(`${api.url}/media/987.mp4`);
		const result = await download();
		expect(result.error).toBeUndefined();
		expect((await result.readBinary(result.output![0][0])).length).toBe(MP4.length);
	});

	it.each([
		['another loopback origin', () => `${canary.url}/media/987.mp4`, 'is a loopback address'],
		['localhost', () => `http://localhost:${canary.origin.port}/media/987.mp4`, 'is a loopback address'],
		['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${canary.origin.port}/x.mp4`, 'is a loopback address'],
		['a hexadecimal loopback', () => `http://0x7f.0.0.1:${canary.origin.port}/x.mp4`, 'is a loopback address'],
		['the IPv6 loopback', () => `http://[::1]:${canary.origin.port}/x.mp4`, 'is a loopback address'],
		['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', 'is a link-local address'],
		['a private address', () => 'http://10.0.0.8/x.mp4', 'is a private address'],
		['file:', () => 'file:///etc/passwd', 'not file:'],
		['ftp:', () => `ftp://127.0.0.1:${canary.origin.port}/x.mp4`, 'not ftp:'],
		['data:', () => 'data:video/mp4;base64,AAAA', 'not data:'],
		['gopher:', () => `gopher://127.0.0.1:${canary.origin.port}/_x`, 'not gopher:'],
	])('refuses %s, naming why, and reaches nothing', async (_label, url, why) => {
		recordPointingAt(url());
		const result = await download();
		expect(result.error?.message).toContain('The download was refused');
		expect(result.error?.message).toContain(why);
		expect(result.output).toBeUndefined();
		expect(api.requests.filter((request) => !request.url.startsWith('/v2/'))).toEqual([]);
	});

	it.each([302, 307])('checks every redirect of a download: a %i to another address is refused', async (status) => {
		recordPointingAt(`${api.url}/media/987.mp4`, redirect(status, `${canary.url}/media/987.mp4`));
		const result = await download();
		expect(result.error?.message).toContain(`${canary.origin.host} is a loopback address`);
		expect(api.requests.filter((request) => request.url.startsWith('/media/'))).toHaveLength(1);
	});

	it('refuses a file past Max Download Size by its Content-Length, keeping nothing', async () => {
		recordPointingAt(`${api.url}/media/987.mp4`);
		const result = await download({ maxDownloadSize: 0.05 });
		expect(result.error?.message).toMatch(/The file is 0\.06 MB, larger than the Max Download Size of 0\.05 MB; nothing of it was kept/);
		expect(result.output).toBeUndefined();
	});

	it('refuses a streamed file without Content-Length once it passes Max Download Size, keeping no partial file', async () => {
		recordPointingAt(`${api.url}/media/987.mp4`, (_request, response) => {
			response.writeHead(200, { 'Content-Type': 'video/mp4', 'Transfer-Encoding': 'chunked' });
			for (let chunk = 0; chunk < 8; chunk++) response.write(MP4);
			response.end();
		});
		const before = storedFiles();
		const result = await download({ maxDownloadSize: 0.25 });
		expect(result.error?.message).toContain('larger than the Max Download Size of 0.25 MB');
		expect(storedFiles()).toEqual(before);
	});

	it('downloads a file within Max Download Size', async () => {
		recordPointingAt(`${api.url}/media/987.mp4`);
		const result = await download({ maxDownloadSize: 1 });
		expect((await result.readBinary(result.output![0][0])).length).toBe(MP4.length);
	});
});

describe('callbacks that name foreign URLs or ids', () => {
	const secret = { secret: callbackSecret(TOKEN) };
	const trigger = (options: INodeParameters = {}) =>
		prepareTrigger({ node: new PixVerseTrigger(), parameters: { mode: 'webhook', options }, credentials: { useApiApi: { apiToken: TOKEN, baseUrl: api.url } } });
	const lure = (extra: IDataObject = {}) => ({ video_id: VIDEO_ID, video_status_name: 'COMPLETED', video_status_final: true, url: `${canary.url}/media/987.mp4`, ...extra });

	it('downloads from the URL its own GET read, never from the callback body', async () => {
		const mp4 = Buffer.alloc(1000, 1);
		api.answer((request, response) => {
			if (request.url === '/media/987.mp4') response.writeHead(200, { 'Content-Type': 'video/mp4' }).end(mp4);
			else json(200, { video_id: VIDEO_ID, video_status_name: 'COMPLETED', video_status_final: true, url: `${api.url}/media/987.mp4` })(request, response);
		});
		const harness = await trigger({ download: true });
		const answer = await harness.webhook({ body: lure(), query: secret });
		const [item] = answer.result!.workflowData![0];
		expect(item.json.url).toBe(`${api.url}/media/987.mp4`);
		expect((await readBinaryData(item.binary!.data)).length).toBe(mp4.length);
		expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET /v2/pixverse/videos/${VIDEO_ID}`, 'GET /media/987.mp4']);
	});

	it('downloads nothing when its own GET says the video is not finished, whatever the body says', async () => {
		api.answer(json(404, { error: 'Not found' }));
		const harness = await trigger({ download: true });
		const answer = await harness.webhook({ body: lure(), query: secret });
		expect(answer.result?.workflowData).toBeUndefined();
		expect(api.requests.map((request) => request.url)).toEqual([`/v2/pixverse/videos/${VIDEO_ID}`]);
	});

	it('a record from its own GET that names a foreign URL is not downloaded either', async () => {
		api.answer(json(200, lure()));
		const harness = await trigger({ download: true });
		const [item] = (await harness.webhook({ body: lure(), query: secret })).result!.workflowData![0];
		expect(item.binary).toBeUndefined();
		expect(item.json.download_error).toContain(`${canary.origin.host} is a loopback address`);
	});

	it.each(['../accounts/demo@example.com', `${VIDEO_ID}?email=x@example.com`, `${VIDEO_ID}/../../accounts`])('refuses a callback whose video_id %j would change the path, sending nothing', async (videoId) => {
		const harness = await trigger({ fetchRecord: true, download: true });
		const answer = await harness.webhook({ body: lure({ video_id: videoId }), query: secret });
		expect(answer.status).toBe(400);
		expect(answer.sent).toEqual({ error: expect.stringContaining(`Video ID (video_id) ${JSON.stringify(videoId)}`) });
		expect(api.requests).toEqual([]);
	});
});

describe('secrets never shown', () => {
	const triggerSecret = callbackSecret(TOKEN);

	it('a trigger whose credential has no API token accepts no callback, with or without a secret', async () => {
		const harness = await prepareTrigger({ node: new PixVerseTrigger(), parameters: { mode: 'webhook' }, credentials: { useApiApi: { apiToken: '', baseUrl: api.url } } });
		for (const query of [{}, { secret: '' }, { secret: triggerSecret }]) {
			const answer = await harness.webhook({ body: { video_id: VIDEO_ID, video_status_name: 'COMPLETED', video_status_final: true }, query });
			expect(answer.status).toBe(403);
			expect(answer.result?.workflowData).toBeUndefined();
			expect(answer.sent).toEqual({ error: expect.stringContaining('has no API token, so it accepts no callback') });
		}
		const reveal = await harness.webhook({ method: 'GET', mode: 'manual' });
		expect(reveal.status).toBe(403);
		expect(api.requests).toEqual([]);
	});

	it("Scheduler > List Running Jobs shows replyUrl without the trigger's secret or a resume signature", async () => {
		const triggerUrl = `https://n8n.example.com/webhook/abc/pixverse-callback?secret=${triggerSecret}`;
		const resumeUrl = 'https://n8n.example.com/webhook-waiting/42?signature=s3cr3t-signature&x=1';
		api.answer(json(200, [
			{ id: VIDEO_ID, replyUrl: triggerUrl, replyRef: 'row-1' },
			{ id: `${VIDEO_ID}1`, replyUrl: resumeUrl },
		]));
		const result = await run({ resource: 'scheduler', operation: 'listRunning' });
		const jobs = result.output![0].map((item) => item.json);
		expect(jobs.map((job) => job.replyUrl)).toEqual([
			'https://n8n.example.com/webhook/abc/pixverse-callback?secret=[redacted]',
			'https://n8n.example.com/webhook-waiting/42?signature=[redacted]&x=1',
		]);
		expect(JSON.stringify(result.output)).not.toContain(triggerSecret);
		expect(jobs[0].replyRef).toBe('row-1');
	});

	it('Account outputs carry no password or token', async () => {
		const account = { email: 'a@example.com', password: 'plain-password', maxJobs: 2, jwt: { AccountId: 1, token: 'session-token', refreshToken: 'refresh' } };
		api.answer(json(200, { 'a@example.com': account }));
		const list = await run({ resource: 'account', operation: 'list' });
		api.answer(json(200, account));
		const get = await run({ resource: 'account', operation: 'get', account: 'a@example.com' });
		api.answer(json(200, { plan_name: 'Pro', credit_monthly: 10, token: 'feature-token' }));
		const plan = await run({ resource: 'account', operation: 'getCreditsAndPlan', account: 'a@example.com' });
		for (const result of [list, get, plan]) {
			const shownOutput = JSON.stringify(result.output);
			for (const secret of ['plain-password', 'session-token', 'refresh', 'feature-token']) expect(shownOutput).not.toContain(secret);
		}
		expect(list.output![0][0].json).toEqual({ email: 'a@example.com', maxJobs: 2, jwt: { AccountId: 1 } });
	});

	it.each([400, 422])('an error (HTTP %i) never shows the token or a secret the API echoes', async (status) => {
		api.answer(json(status, { error: `token ${TOKEN} may not call https://n8n.example.com/x/pixverse-callback?secret=${triggerSecret}` }));
		const result = await run({ resource: 'video', operation: 'get', videoId: VIDEO_ID });
		expect(result.error).toBeDefined();
		const text = shown(result.error);
		expect(text).toContain('[redacted]');
		expect(text).not.toContain(TOKEN);
		expect(text).not.toContain(triggerSecret);
	});
});
