import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeType } from 'n8n-workflow';

import { callbackSecret } from '../../../nodes/core/callbackSecret';
import { getVideo, waitFor } from '../../unit/simulator/helpers';
import { prepareTrigger, readBinaryData, type TriggerHarness } from '../harness';
import { simulatorSession, textToVideo, TOKEN } from '../simulatorSession';
import { callbackReceiver, prepareSimulatorTrigger, submitVideo, videosFinished } from '../triggerSession';

const MP4_BYTES = 150_000;
const secret = { secret: callbackSecret(TOKEN) };

const record = (extra: IDataObject = {}): IDataObject => ({
	video_id: 'user:1-pixverse:demo@example.com-video:424242',
	video_status: 1,
	video_status_name: 'COMPLETED',
	video_status_final: true,
	model: 'v6',
	url: 'http://127.0.0.1:9/media/424242.mp4',
	...extra,
});

describe('PixVerse Trigger, webhook mode', () => {
	const session = simulatorSession({ mp4Bytes: MP4_BYTES });
	const trigger = (parameters: IDataObject = {}) => prepareSimulatorTrigger(session.sim, { mode: 'webhook', ...parameters });

	it('starts the workflow once for a video submitted with the trigger URL as Callback URL, however often useapi calls', async () => {
		session.sim.configure({ webhook: { duplicates: 2 } });
		const harness = await trigger();
		const receiver = await callbackReceiver(() => harness);
		try {
			const run = await session.run(textToVideo({ waitMode: 'none', options: { replyUrl: receiver.url, replyRef: 'sheet-row-7' } }));
			expect(run.error).toBeUndefined();
			const videoId = run.output![0][0].json.video_id;

			const [post] = session.apiRequests().filter((entry) => entry.method === 'POST');
			expect(post.body).toMatchObject({ replyUrl: `${receiver.url}?secret=${secret.secret}`, replyRef: 'sheet-row-7' });

			await waitFor(() => receiver.deliveries.length === 3);
			const emitted = receiver.emitted();
			expect(emitted).toHaveLength(1);
			expect(emitted[0].json).toMatchObject({ event: 'completed', video_id: videoId, video_status_name: 'COMPLETED', replyRef: 'sheet-row-7', model: 'v6' });
			expect(Object.keys(emitted[0].json)[0]).toBe('event');
			const skipped = receiver.deliveries.filter((delivery) => !delivery.result.result?.workflowData);
			expect(skipped.map((delivery) => delivery.result.result?.webhookResponse)).toEqual([
				{ received: true, started: false, reason: 'already delivered' },
				{ received: true, started: false, reason: 'already delivered' },
			]);
		} finally {
			await receiver.close();
		}
	});

	it('refuses callbacks without the secret, or with a wrong one, with 401 and starts nothing', async () => {
		const harness = await trigger();
		for (const query of [{}, { secret: 'guess' }, { secret: callbackSecret('another-token') }]) {
			const answer = await harness.webhook({ body: record(), query });
			expect(answer.status).toBe(401);
			expect(answer.result).toEqual({ noWebhookResponse: true });
			expect(answer.sent).toEqual({ error: expect.stringMatching(/^Unauthorized/) });
		}

		const receiver = await callbackReceiver(() => harness);
		try {
			const forged = await fetch(receiver.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(record()) });
			expect(forged.status).toBe(401);
			expect(receiver.emitted()).toHaveLength(0);
		} finally {
			await receiver.close();
		}
	});

	it('answers 400 to a request that carries the secret but is not a video callback', async () => {
		const harness = await trigger();
		const answer = await harness.webhook({ body: { hello: 'world' }, query: secret });
		expect(answer.status).toBe(400);
		expect(answer.result?.workflowData).toBeUndefined();
	});

	it('emits final states only by default; progress updates on request, but never one older than the final state', async () => {
		session.sim.configure({ webhook: { progress: true } });
		const finalOnly = await trigger();
		const withProgress = await trigger({ options: { includeProgress: true } });
		const receivers = [await callbackReceiver(() => finalOnly), await callbackReceiver(() => withProgress)];
		try {
			for (const receiver of receivers) await session.run(textToVideo({ waitMode: 'none', options: { replyUrl: receiver.url } }));
			await waitFor(() => receivers.every((receiver) => receiver.deliveries.length === 3));
			expect(receivers[0].emitted().map((item) => item.json.event)).toEqual(['completed']);
			expect(receivers[1].emitted().map((item) => [item.json.event, item.json.video_status_name])).toEqual([
				['progress', 'QUEUED'],
				['progress', 'GENERATING'],
				['completed', 'COMPLETED'],
			]);

			const videoId = receivers[1].emitted()[0].json.video_id;
			const late = await withProgress.webhook({ body: record({ video_id: videoId, video_status: 10, video_status_name: 'GENERATING', video_status_final: false }), query: secret });
			expect(late.result).toEqual({ webhookResponse: { received: true, started: false, reason: 'already delivered' } });
		} finally {
			for (const receiver of receivers) await receiver.close();
		}
	});

	it('ignores progress updates that arrive after the final state (out of order)', async () => {
		session.sim.configure({ webhook: { progress: true, progressAfterFinal: true } });
		const harness = await trigger({ options: { includeProgress: true } });
		const receiver = await callbackReceiver(() => harness);
		try {
			await session.run(textToVideo({ waitMode: 'none', options: { replyUrl: receiver.url } }));
			await waitFor(() => receiver.deliveries.length === 3);
			expect(receiver.deliveries[0].body.video_status_name).toBe('COMPLETED');
			expect(receiver.emitted().map((item) => item.json.event)).toEqual(['completed']);
		} finally {
			await receiver.close();
		}
	});

	it('filters by status, model and replyRef', async () => {
		const harness = await trigger({ statuses: ['completed', 'failed'], filters: { models: ['v5.6', 'kling-v3'], replyRef: 'batch-A' } });
		const deliver = async (extra: IDataObject, number: number) =>
			(await harness.webhook({ body: record({ video_id: `user:1-pixverse:demo@example.com-video:${number}`, model: 'v5.6', replyRef: 'batch-A', ...extra }), query: secret })).result;

		expect(await deliver({ video_status: 7, video_status_name: 'MODERATED' }, 1)).toEqual({ webhookResponse: { received: true, started: false, reason: 'moderated event filtered out' } });
		expect((await deliver({ model: 'v6' }, 2))?.workflowData).toBeUndefined();
		expect((await deliver({ replyRef: 'batch-B' }, 3))?.workflowData).toBeUndefined();
		expect((await deliver({ replyRef: undefined }, 4))?.workflowData).toBeUndefined();
		expect((await deliver({}, 5))?.workflowData?.[0][0].json).toMatchObject({ event: 'completed', model: 'v5.6', replyRef: 'batch-A' });
		expect((await deliver({ video_status: 8, video_status_name: 'FAILED', model: 'kling-v3', url: '' }, 6))?.workflowData?.[0][0].json).toMatchObject({ event: 'failed' });
	});

	it('with "Check Video With the API", emits the record useapi holds, not what the callback claims', async () => {
		const harness = await trigger({ options: { fetchRecord: true } });
		const videoId = await submitVideo(session.sim, { prompt: 'The real prompt', replyRef: 'kept' });

		// A body claiming the video is done while it still renders: the API says 404 (processing).
		const early = await harness.webhook({ body: record({ video_id: videoId }), query: secret });
		expect(early.result).toEqual({ webhookResponse: { received: true, started: false, reason: 'progress event filtered out' } });

		await videosFinished(session.sim, [videoId]);
		const forged = await harness.webhook({ body: record({ video_id: videoId, prompt: 'forged', url: 'http://elsewhere.example/fake.mp4' }), query: secret });
		const json = forged.result!.workflowData![0][0].json;
		expect(json).toMatchObject({ event: 'completed', video_id: videoId, prompt: 'The real prompt', replyRef: 'kept' });
		expect(json.url).toMatch(new RegExp(`^${session.sim.url}/media/\\d+\\.mp4$`));
		expect(session.apiRequests().filter((entry) => entry.path === `/v2/pixverse/videos/${videoId}`)).toHaveLength(2);
	});

	it('downloads the MP4 of a completed video into binary data, and keeps the event when the download fails', async () => {
		const harness = await trigger({ options: { download: true, binaryProperty: 'clip' } });
		const videoId = await submitVideo(session.sim);
		await videosFinished(session.sim, [videoId]);
		const { body } = await getVideo(session.sim, videoId);

		const [item] = (await harness.webhook({ body, query: secret })).result!.workflowData![0];
		expect(item.binary!.clip).toMatchObject({ mimeType: 'video/mp4', fileName: expect.stringMatching(/^pixverse-\d+\.mp4$/) });
		expect((await readBinaryData(item.binary!.clip)).length).toBe(MP4_BYTES);

		const second = await submitVideo(session.sim);
		await videosFinished(session.sim, [second]);
		session.sim.addFault({ method: 'GET', path: '/media/', kind: 'status', status: 500, times: 10 });
		const broken = await harness.webhook({ body: (await getVideo(session.sim, second)).body, query: secret });
		const [kept] = broken.result!.workflowData![0];
		expect(kept.binary).toBeUndefined();
		expect(kept.json).toMatchObject({ event: 'completed', download_error: expect.stringMatching(/download failed/) });
	});

	/** A fresh copy of the trigger's modules, as another n8n process (or one restarted) has: nothing in process memory. */
	const otherProcess = async (nodeStaticData?: IDataObject) => {
		type TriggerClass = new () => INodeType;
		let FreshTrigger: TriggerClass | undefined;
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			FreshTrigger = (require('../../../nodes/PixVerseTrigger/PixVerseTrigger.node') as { PixVerseTrigger: TriggerClass }).PixVerseTrigger;
		});
		if (!FreshTrigger) throw new Error('the trigger module did not load');
		const credentials = { useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } };
		return await prepareTrigger({ node: new FreshTrigger(), parameters: { mode: 'webhook' }, credentials, nodeStaticData });
	};

	it('remembers deliveries per video and outcome in static data: after a restart, or in another process, a late duplicate starts nothing', async () => {
		const first = await trigger();
		const delivered = await first.webhook({ body: record(), query: secret });
		const videoId = String(record().video_id);
		expect(delivered.result?.workflowData?.[0][0].json).toMatchObject({ event: 'completed', dedupe_key: `${videoId}|completed` });
		// Answered by the node itself, so n8n saves the static data before it queues the run.
		expect(delivered.result?.noWebhookResponse).toBe(true);
		expect(delivered.sent).toEqual({ received: true, started: true, event: 'completed', dedupe_key: `${videoId}|completed` });
		const saved = first.staticData();
		expect(saved.deliveries).toEqual({ [videoId]: { events: ['completed'], at: expect.any(Number) } });

		const restarted = await otherProcess(saved);
		expect((await restarted.webhook({ body: record(), query: secret })).result?.webhookResponse).toMatchObject({ reason: 'already delivered' });
		const forgetful = await otherProcess();
		expect((await forgetful.webhook({ body: record(), query: secret })).result?.workflowData).toHaveLength(1);
	});

	it('writes back a delivery that another process overwrote (n8n saves static data whole, the last save wins)', async () => {
		const video = (number: number) => record({ video_id: `user:1-pixverse:demo@example.com-video:${number}` });
		// Two processes load the same static data; each delivers another video; the second save wins.
		const [one, two] = [await otherProcess(), await otherProcess()];
		expect((await one.webhook({ body: video(1), query: secret })).result?.workflowData).toHaveLength(1);
		expect((await two.webhook({ body: video(2), query: secret })).result?.workflowData).toHaveLength(1);
		const lastSaved = two.staticData();
		expect(Object.keys(lastSaved.deliveries as IDataObject)).toEqual([String(video(2).video_id)]);

		// The first process's next callback loads what was saved last and writes its own delivery back.
		const oneAgain = await one.webhook({ body: video(3), query: secret, staticData: lastSaved });
		expect(oneAgain.result?.workflowData).toHaveLength(1);
		const healed = await otherProcess(one.staticData());
		for (const number of [1, 2, 3]) {
			expect((await healed.webhook({ body: video(number), query: secret })).result?.webhookResponse).toMatchObject({ reason: 'already delivered' });
		}
	});

	it("tells the editor's test listener the production URL with its secret (GET); the production URL answers a GET with 405", async () => {
		const harness = await trigger();
		const shown = await harness.webhook({ method: 'GET', mode: 'manual' });
		expect(shown.result?.workflowData?.[0][0].json).toMatchObject({ callback_url: `${harness.webhookUrl()}?secret=${secret.secret}` });
		expect(harness.webhookUrl()).toMatch(/\/webhook\/[\w-]+\/pixverse-callback$/);

		const production = await harness.webhook({ method: 'GET' });
		expect(production.status).toBe(405);
		expect(production.result).toEqual({ noWebhookResponse: true });
	});

	it("shows every matching callback to the editor's test listener, also a repeated one", async () => {
		const harness = await trigger();
		for (let attempt = 0; attempt < 2; attempt++) {
			expect((await harness.webhook({ body: record({ video_id: 'user:1-pixverse:demo@example.com-video:77' }), query: secret, mode: 'manual' })).result?.workflowData).toHaveLength(1);
		}
	});

	describe('webhook lifecycle', () => {
		let harness: TriggerHarness;
		beforeEach(async () => {
			harness = await trigger();
		});

		it('create checks the credential with a free request and records the URL; checkExists compares it; delete forgets it', async () => {
			expect(await harness.hook('checkExists')).toBe(false);
			expect(await harness.hook('create')).toBe(true);
			expect(session.apiRequests().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /v2/pixverse/accounts']);
			expect(harness.staticData().callbackUrl).toBe(harness.webhookUrl());
			expect(await harness.hook('checkExists')).toBe(true);
			expect(await harness.hook('delete')).toBe(true);
			expect(await harness.hook('checkExists')).toBe(false);
		});

		it('create fails the activation when the credential is rejected', async () => {
			const rejected = await prepareSimulatorTrigger(session.sim, { mode: 'webhook' }, { credentials: { useApiApi: { apiToken: 'wrong', baseUrl: session.sim.url } } });
			await expect(rejected.hook('create')).rejects.toThrow(NodeApiError);
			await expect(rejected.hook('create')).rejects.toThrow(/token was rejected/);
		});
	});

	it('does not poll in webhook mode', async () => {
		const harness = await trigger();
		expect(await harness.poll()).toBeNull();
		expect(session.apiRequests()).toHaveLength(0);
	});
});
