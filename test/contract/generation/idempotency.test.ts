/**
 * Options → Idempotency Key: before sending, the node looks the key up among the running jobs and
 * the videos of the Idempotency Window; a job or video that carries it is adopted (waited for,
 * output like the node's own, `reused: true`, nothing sent or charged). Items of one run with one
 * key send once. A key that names another prompt is refused before anything is sent.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { startWaitingServer, type WaitingServer } from '../harness';
import { simulatorSession, textToVideo } from '../simulatorSession';
import { submitVideo, waitUntilFinal } from '../simulatorVideos';

const MP4_BYTES = 40_000;
const PROMPT = 'A red fox running through snow';
/** Long enough to be still rendering when the node looks the key up, however busy the machine. */
const STILL_RENDERING_MS = 3000;

const keyed = (key: string, extra: INodeParameters = {}) => textToVideo({ options: { idempotencyKey: key }, ...extra });
const rows = (...entries: Array<[string, string]>): INodeExecutionData[] => entries.map(([row, prompt]) => ({ json: { row, prompt } }));
/** One key per row, as a scheduled sheet would build it. */
const perRow = (extra: INodeParameters = {}) => textToVideo({ prompt: '={{ $json.prompt }}', options: { idempotencyKey: '={{ "row-" + $json.row }}' }, ...extra });

describe('Idempotency Key', () => {
	const session = simulatorSession({ mp4Bytes: MP4_BYTES });
	const creates = () => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
	const lookups = () => session.apiRequests().filter((entry) => entry.method === 'GET' && /^\/v2\/pixverse\/(scheduler|accounts|videos)(\?|$)/.test(entry.path)).map((entry) => entry.path);
	const ids = (items: INodeExecutionData[]) => items.map((item) => item.json.video_id);

	/** A video started earlier (another execution, the website) with this replyRef; the log cleared after it. */
	async function existingVideo(replyRef: string, { prompt = PROMPT, finished = true } = {}): Promise<string> {
		if (!finished) await session.sim.configure({ renderMs: STILL_RENDERING_MS });
		const videoId = await submitVideo(session.sim, { replyRef, prompt });
		if (finished) await waitUntilFinal(session.sim, videoId);
		session.sim.clearLog();
		return videoId;
	}

	describe('with Poll Until Done', () => {
		it('adopts a running job (found in GET /scheduler): sends nothing, waits for it, downloads it, outputs it with reused: true', async () => {
			const running = await existingVideo('row-1', { finished: false });
			// The video list shows nothing: only the running jobs can name it.
			session.sim.addFault({ method: 'GET', path: '/\\/videos\\?/', kind: 'status', status: 200, body: { data: [] } });
			const run = await session.run(keyed('row-1'));
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(0);
			expect(lookups()[0]).toBe('/v2/pixverse/scheduler');
			const [item] = run.output![0];
			expect(item.json).toMatchObject({ video_id: running, video_status_name: 'COMPLETED', replyRef: 'row-1', reused: true, cost_credits: 0 });
			expect((await run.readBinary(item, 'video')).length).toBe(MP4_BYTES);
			expect(item.pairedItem).toEqual({ item: 0 });
		});

		it('adopts a finished video from the video list without polling it', async () => {
			const finished = await existingVideo('row-2');
			const run = await session.run(keyed('row-2'));
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(0);
			expect(session.apiRequests().filter((entry) => entry.path.startsWith(`/v2/pixverse/videos/${finished}`))).toHaveLength(0);
			const [item] = run.output![0];
			expect(item.json).toMatchObject({ video_id: finished, video_status_name: 'COMPLETED', prompt: PROMPT, reused: true, cost_credits: 0 });
			expect((await run.readBinary(item, 'video')).length).toBe(MP4_BYTES);
		});

		it('pages the video list until the key is found: a video on the second page is adopted', async () => {
			await session.sim.configure({ renderMs: 1 });
			const older = await submitVideo(session.sim, { replyRef: 'row-3', prompt: PROMPT });
			for (let index = 0; index < 55; index++) await submitVideo(session.sim, { prompt: `clip ${index}` });
			await waitUntilFinal(session.sim, older);
			session.sim.clearLog();
			const run = await session.run(keyed('row-3', { download: false }));
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(0);
			const pages = lookups().filter((path) => path.startsWith('/v2/pixverse/videos?')).map((path) => new URL(path, 'http://x').searchParams.get('offset'));
			expect(pages).toEqual(['0', '50']);
			expect(run.output![0][0].json).toMatchObject({ video_id: older, reused: true });
		});

		it('sends once for two items with one key; the second shares the video (reused: true)', async () => {
			const run = await session.run(textToVideo({ prompt: '={{ $json.prompt }}', options: { idempotencyKey: 'same-work' } }), { items: rows(['1', PROMPT], ['2', PROMPT]) });
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(1);
			expect(creates()[0].body).toMatchObject({ replyRef: 'same-work', prompt: PROMPT });
			const [first, second] = run.output![0];
			expect(second.json.video_id).toBe(first.json.video_id);
			expect(first.json.reused).toBeUndefined();
			expect(first.json.cost_credits).toBeGreaterThan(0);
			expect(second.json).toMatchObject({ video_status_name: 'COMPLETED', reused: true, cost_credits: 0 });
			expect(run.output![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			for (const item of [first, second]) expect((await run.readBinary(item, 'video')).length).toBe(MP4_BYTES);
		});

		it('refuses a key used by two prompts in one run before anything is sent', async () => {
			const parameters = perRow({ options: { idempotencyKey: 'shared' } });
			const run = await session.run(parameters, { items: rows(['1', 'a lighthouse'], ['2', 'a harbour'], ['3', 'a storm']) });
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe('Items 0 and 1 use the Idempotency Key "shared" with different prompts; allowed: one key per piece of work, e.g. add the row ID to the key');
			expect((run.error as NodeOperationError).description).toContain('Set by parameter "options.idempotencyKey", value "shared".');
			expect(session.apiRequests()).toEqual([]);

			const continued = await session.run(parameters, { items: rows(['1', 'a lighthouse'], ['2', 'a harbour']), continueOnFail: true });
			expect(continued.output![0].map((item) => item.json.error)).toEqual([expect.stringMatching(/^Items 0 and 1 use/), expect.stringMatching(/^Items 0 and 1 use/)]);
			expect(session.apiRequests()).toEqual([]);
		});

		it('refuses a key whose video was made from another prompt, naming the video, and sends nothing', async () => {
			const other = await existingVideo('row-5', { prompt: 'A lighthouse at dusk' });
			const run = await session.run(keyed('row-5'));
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe(
				`The Idempotency Key "row-5" names video ${other}, made from another prompt ("A lighthouse at dusk", this item: "${PROMPT}"); allowed: a key used for one prompt only, e.g. add the row ID to the key`,
			);
			expect((run.error as NodeOperationError).description).toMatch(/parameter "options\.idempotencyKey", value "row-5"[\s\S]*Nothing was sent to PixVerse[\s\S]*last 24 hours/);
			expect(creates()).toHaveLength(0);
		});

		it('sends again when the video with the key failed (PixVerse does not charge a failed one)', async () => {
			const failed = await existingVideo('row-6', { prompt: 'a [fail] take' });
			const run = await session.run(keyed('row-6', { download: false }));
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(1);
			expect(creates()[0].body).toMatchObject({ replyRef: 'row-6' });
			expect(run.output![0][0].json).toMatchObject({ video_status_name: 'COMPLETED', replyRef: 'row-6' });
			expect(run.output![0][0].json.video_id).not.toBe(failed);
			expect(run.output![0][0].json.reused).toBeUndefined();
		});

		it('a re-run of the same workflow sends nothing: every item comes out reused, with the first run\'s videos', async () => {
			const sheet = rows(['1', 'a lighthouse'], ['2', 'a harbour'], ['3', 'a storm']);
			const first = await session.run(perRow(), { items: sheet });
			expect(first.error).toBeUndefined();
			expect(creates().map((entry) => entry.body!.replyRef)).toEqual(['row-1', 'row-2', 'row-3']);
			expect(first.output![0].every((item) => item.json.reused === undefined)).toBe(true);

			session.sim.clearLog();
			const again = await session.run(perRow(), { items: sheet });
			expect(again.error).toBeUndefined();
			expect(creates()).toHaveLength(0);
			expect(ids(again.output![0])).toEqual(ids(first.output![0]));
			expect(again.output![0].map((item) => [item.json.reused, item.json.cost_credits, item.json.video_status_name])).toEqual(Array(3).fill([true, 0, 'COMPLETED']));
			for (const item of again.output![0]) expect((await again.readBinary(item, 'video')).length).toBe(MP4_BYTES);
		});

		it('with several accounts and none chosen, searches the videos of each', async () => {
			await session.sim.reset({
				renderMs: 1,
				mp4Bytes: MP4_BYTES,
				accounts: [
					{ email: 'first@example.com', maxJobs: 8, credits: 100_000 },
					{ email: 'second@example.com', maxJobs: 8, credits: 100_000 },
				],
			});
			const onSecond = await submitVideo(session.sim, { email: 'second@example.com', replyRef: 'row-8', prompt: PROMPT });
			await waitUntilFinal(session.sim, onSecond);
			session.sim.clearLog();
			const run = await session.run(keyed('row-8', { download: false }));
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(0);
			expect(lookups().filter((path) => path.startsWith('/v2/pixverse/videos?')).map((path) => new URL(path, 'http://x').searchParams.get('email'))).toEqual(['first@example.com', 'second@example.com']);
			expect(run.output![0][0].json).toMatchObject({ video_id: onSecond, reused: true });
		});

		it('refuses to send when the key cannot be looked up', async () => {
			session.sim.addFault({ method: 'GET', path: '/scheduler$/', kind: 'status', status: 401, body: { error: 'Unauthorized', code: 401 } });
			const run = await session.run(keyed('row-9'), { continueOnFail: true });
			const [item] = run.output![0];
			expect(item.json.error).toMatch(/^The Idempotency Key could not be looked up: /);
			expect(item.json.error_description).toMatch(/^Nothing was sent to PixVerse and no credits were used: without looking in GET \/scheduler and GET \/videos/);
			expect(creates()).toHaveLength(0);
		});
	});

	describe("with Don't Wait", () => {
		it('outputs the adopted video as last listed, and a shared one as submitted, each reused: true; one POST', async () => {
			const running = await existingVideo('old-work', { finished: false });
			const run = await session.run(perRow({ waitMode: 'none', options: { idempotencyKey: '={{ $json.row }}' } }), {
				items: rows(['old-work', PROMPT], ['new-work', 'a harbour'], ['new-work', 'a harbour']),
			});
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(1);
			const [adopted, fresh, shared] = run.output![0].map((item) => item.json);
			expect(adopted).toMatchObject({ video_id: running, video_status_final: false, prompt: PROMPT, replyRef: 'old-work', reused: true, cost_credits: 0 });
			expect(['QUEUED', 'GENERATING']).toContain(adopted.video_status_name);
			expect(fresh).toMatchObject({ video_status_name: 'SUBMITTED', replyRef: 'new-work' });
			expect(fresh.reused).toBeUndefined();
			expect(shared).toMatchObject({ video_id: fresh.video_id, video_status_name: 'SUBMITTED', replyRef: 'new-work', reused: true, cost_credits: 0 });
		});
	});

	describe('the Idempotency Window', () => {
		const twoDaysAgo = () => new Date(Date.now() - 48 * 3_600_000).toISOString();

		it('applies to the video list: a video created before it is not found, and the item is sent', async () => {
			const old = await existingVideo('row-old');
			session.sim.addFault({ method: 'GET', path: '/\\/videos\\?/', kind: 'status', status: 200, body: { data: [{ video_id: old, replyRef: 'row-old', prompt: PROMPT, video_status_name: 'COMPLETED', created_at: twoDaysAgo() }] } });
			const run = await session.run(keyed('row-old', { waitMode: 'none' }));
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(1);
			expect(run.output![0][0].json.video_id).not.toBe(old);
		});

		it('does not apply to running jobs: one started before it is still adopted', async () => {
			const running = await existingVideo('row-long', { finished: false });
			session.sim.addFault({ method: 'GET', path: '/scheduler$/', kind: 'status', status: 200, body: [{ id: running, type: 'video', started: twoDaysAgo(), replyRef: 'row-long' }] });
			session.sim.addFault({ method: 'GET', path: '/\\/videos\\?/', kind: 'status', status: 200, body: { data: [] } });
			const run = await session.run(keyed('row-long', { waitMode: 'none' }));
			expect(run.error).toBeUndefined();
			expect(creates()).toHaveLength(0);
			expect(run.output![0][0].json).toMatchObject({ video_id: running, video_status_name: 'SUBMITTED', reused: true });
		});
	});

	describe('with Resume When PixVerse Calls Back', () => {
		let waiting: WaitingServer;
		const node = new PixVerse();
		beforeEach(async () => {
			waiting = await startWaitingServer();
		});
		afterEach(async () => {
			await waiting.close();
		});
		const callbackRun = (parameters: INodeParameters, items: INodeExecutionData[]) =>
			session.run({ ...parameters, waitMode: 'callback', waitTimeout: 10 }, { items, additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl } });

		it('polls an adopted video that will not call this execution back, then parks for its own, and resumes with both', async () => {
			// The adopted video renders for a while; the new one off-peak, much longer: it is still rendering after the adopted one finished.
			await session.sim.reset({ renderMs: STILL_RENDERING_MS, offPeakRenderMs: 4 * STILL_RENDERING_MS, mp4Bytes: MP4_BYTES });
			const adopted = await submitVideo(session.sim, { replyRef: 'old-work', prompt: PROMPT });
			session.sim.clearLog();
			const parked = await callbackRun(perRow({ options: { idempotencyKey: '={{ $json.row }}' }, offPeakMode: '={{ $json.row === "new-work" }}' }), rows(['old-work', PROMPT], ['new-work', 'a harbour']));
			expect(parked.error).toBeUndefined();
			expect(parked.harness.runExecutionData.waitTill).toBeDefined();
			const { executionId, runExecutionData } = parked.harness;
			expect(creates().map((entry) => entry.body)).toEqual([
				expect.objectContaining({ replyRef: 'new-work', replyUrl: `${waiting.webhookWaitingBaseUrl}/${executionId}?signature=${runExecutionData.resumeToken}` }),
			]);
			// The adopted video is finished before the execution parks; the new one waits for its callback.
			const [parkedAdopted, parkedNew] = parked.output![0].map((item) => item.json as IDataObject);
			expect(parkedAdopted).toMatchObject({ video_id: adopted, video_status_name: 'COMPLETED', reused: true });
			expect(parkedAdopted.timed_out).toBeUndefined();
			expect(parkedNew).toMatchObject({ timed_out: true, replyRef: 'new-work' });

			waiting.attach(parked, node);
			const output = await waiting.resumed(30_000);
			expect(output.map((item) => [item.json.video_id, item.json.video_status_name, item.json.reused])).toEqual([
				[adopted, 'COMPLETED', true],
				[parkedNew.video_id, 'COMPLETED', undefined],
			]);
			for (const item of output) expect((await parked.readBinary(item, 'video')).length).toBe(MP4_BYTES);
			expect(creates()).toHaveLength(1);
		});

		it('two items with one key send once, park, and both come out when the video calls back', async () => {
			await session.sim.reset({ renderMs: STILL_RENDERING_MS, mp4Bytes: MP4_BYTES });
			const parked = await callbackRun(textToVideo({ download: false, options: { idempotencyKey: 'same-work' } }), rows(['1', PROMPT], ['2', PROMPT]));
			expect(parked.error).toBeUndefined();
			expect(creates()).toHaveLength(1);
			expect(parked.output![0].map((item) => [item.json.timed_out, item.json.reused])).toEqual([
				[true, undefined],
				[true, true],
			]);
			waiting.attach(parked, node);
			const output = await waiting.resumed();
			expect(output.map((item) => [item.json.video_id, item.json.video_status_name, item.json.reused])).toEqual([
				[parked.output![0][0].json.video_id, 'COMPLETED', undefined],
				[parked.output![0][0].json.video_id, 'COMPLETED', true],
			]);
		});
	});
});
