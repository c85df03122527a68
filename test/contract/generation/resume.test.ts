import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { waitFor } from '../../unit/simulator/helpers';
import { runNode, startWaitingServer, type NodeRun, type WaitingServer } from '../harness';
import { simulatorSession, textToVideo, TOKEN } from '../simulatorSession';

const MP4_BYTES = 120_000;
const prompts = (...texts: string[]): INodeExecutionData[] => texts.map((prompt) => ({ json: { prompt } }));
const callbackBatch = (extra: INodeParameters = {}) => textToVideo({ prompt: '={{ $json.prompt }}', waitMode: 'callback', waitTimeout: 10, ...extra });

describe('Resume When PixVerse Calls Back', () => {
	// The node parks only when a video still renders at its first check, right after submitting: renders last long enough for that on a busy machine.
	const session = simulatorSession({ renderMs: 3000, mp4Bytes: MP4_BYTES });
	let waiting: WaitingServer;
	const node = new PixVerse();

	beforeEach(async () => {
		waiting = await startWaitingServer();
	});
	afterEach(async () => {
		await waiting.close();
	});

	const posts = () => session.apiRequests().filter((entry) => entry.method === 'POST');
	const answers = (): IDataObject[] => waiting.deliveries.map((delivery) => ({ status: delivery.status, ...(delivery.answer as IDataObject) }));
	const run = (parameters: INodeParameters, items: INodeExecutionData[], extra = {}) =>
		session.run(parameters, { items, additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl }, ...extra });
	const parkedRun = async (parameters: INodeParameters, items: INodeExecutionData[], extra = {}): Promise<NodeRun> => {
		const parked = await run(parameters, items, extra);
		expect(parked.error).toBeUndefined();
		waiting.attach(parked, node);
		return parked;
	};
	const idsOf = (items: INodeExecutionData[]) => items.map((item) => item.json.video_id);

	it('submits every item with the resume URL, parks, and resumes with every MP4 once all are final', async () => {
		const startedAt = Date.now();
		const parkedRunResult = await parkedRun(callbackBatch(), prompts('a lighthouse', 'a harbour', 'a storm'));

		const parked = parkedRunResult.output![0];
		expect(posts()).toHaveLength(3);
		expect(parked.map((item) => item.json)).toEqual([0, 1, 2].map(() => expect.objectContaining({ video_id: expect.any(String), timed_out: true, video_status_final: false })));
		const { executionId, runExecutionData, executeData } = parkedRunResult.harness;
		const resumeUrl = `${waiting.webhookWaitingBaseUrl}/${executionId}?signature=${runExecutionData.resumeToken}`;
		expect(posts().map((entry) => entry.body)).toEqual(
			['a lighthouse', 'a harbour', 'a storm'].map((prompt, index) => expect.objectContaining({ prompt, replyUrl: resumeUrl, replyRef: expect.stringMatching(new RegExp(`^n8n-execution-${executionId}-\\w{8}-item-${index}$`)) })),
		);
		// n8n's deadline for the parked execution is the 10 min timeout counted from a moment within the run.
		const deadlineFrom = runExecutionData.waitTill!.getTime() - 10 * 60_000;
		expect(startedAt <= deadlineFrom && deadlineFrom <= Date.now()).toBe(true);
		// The parked items take the place of the node's input: what n8n passes on at the deadline.
		expect(executeData.data.main[0]).toBe(parked);

		const output = await waiting.resumed();
		expect(output.map((item) => [item.json.video_id, item.json.video_status_name, item.json.prompt])).toEqual(
			parked.map((item, index) => [item.json.video_id, 'COMPLETED', ['a lighthouse', 'a harbour', 'a storm'][index]]),
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of output) expect((await parkedRunResult.readBinary(item, 'video')).length).toBe(MP4_BYTES);
		await waitFor(() => session.sim.callbacks().length === 3 && session.sim.callbacks().every((callback) => callback.status));
		// Of the three final callbacks one resumes; the others have nothing left to do: they came while another video still
		// rendered, or while an earlier callback was resuming, or after the resume (409). Which, depends on when each came.
		expect(answers().filter((answer) => answer.resumed === true)).toHaveLength(1);
		const others = answers().filter((answer) => answer.resumed !== true);
		expect(others).toHaveLength(2);
		for (const answer of others) {
			expect(answer.status === 409 || (answer.resumed === false && /^(an earlier callback is resuming the execution|video .+ is still rendering)$/.test(String(answer.reason)))).toBe(true);
		}
		expect(posts()).toHaveLength(3);
	});

	it('answers progress updates and repeated final callbacks without resuming: one resume, no POST twice', async () => {
		session.sim.configure({ webhook: { progress: true, duplicates: 2 } });
		const parked = (await parkedRun(callbackBatch({ download: false }), prompts('one', 'two'))).output![0];
		const output = await waiting.resumed();
		expect(idsOf(output)).toEqual(idsOf(parked));
		expect(output.map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED']);
		expect(output.every((item) => item.binary === undefined)).toBe(true);

		// Per video: QUEUED, GENERATING and three copies of the final record.
		await waitFor(() => session.sim.callbacks().length === 10 && session.sim.callbacks().every((callback) => callback.status), 10_000);
		expect(answers().filter((answer) => answer.resumed === true)).toHaveLength(1);
		// Progress updates that come before the execution parked get n8n's 409; none resumes.
		const progress = waiting.deliveries.filter((delivery) => delivery.body.video_status_name !== 'COMPLETED');
		expect(progress.map((delivery) => (delivery.status === 409 ? 409 : (delivery.answer as IDataObject).reason))).toEqual(progress.map((delivery) => (delivery.status === 409 ? 409 : 'progress update')));
		expect(posts().map((entry) => entry.status)).toEqual([200, 200]);
	});

	it('one final callback delivered to three processes at once: the execution resumes once and only its caller hears "resumed"; deciding costs GETs', async () => {
		session.sim.configure({ webhook: { drop: true } });
		const parkedRunResult = await parkedRun(callbackBatch(), prompts('one', 'two'));
		await waitFor(() => session.sim.callbacks().filter((callback) => callback.final).length === 2, 10_000);
		const { runExecutionData } = parkedRunResult.harness;
		/** The node as another n8n process loads it: its own module state. */
		const otherProcess = () => {
			let loaded: PixVerse | undefined;
			jest.isolateModules(() => {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				loaded = new (require('../../../nodes/PixVerse/PixVerse.node') as { PixVerse: typeof PixVerse }).PixVerse();
			});
			return loaded!;
		};
		const [last] = session.sim.callbacks().filter((callback) => callback.final).slice(-1);
		const deliveries = await Promise.all([node, otherProcess(), otherProcess()].map((process) => waiting.deliver(last.payload as IDataObject, { signature: runExecutionData.resumeToken }, process)));

		expect(deliveries.filter((delivery) => (delivery.answer as IDataObject).resumed === true)).toHaveLength(1);
		expect(deliveries.filter((delivery) => delivery.status === 500)).toHaveLength(2);
		for (const lost of deliveries.filter((delivery) => delivery.status === 500)) expect(lost.answer).toEqual({ message: 'Execution is already being resumed by another process' });
		const output = await waiting.resumed();
		expect(output.map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED']);
		// n8n runs no node code after its compare-and-set, so a process that decided at the same moment downloads too (docs/scaling-out.md).
		const downloads = session.sim.log().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/media/')).length;
		const decided = deliveries.filter((delivery) => delivery.result?.workflowData).length;
		expect(decided).toBeGreaterThanOrEqual(1);
		expect(downloads).toBe(2 * decided);
		expect(posts()).toHaveLength(2);
	});

	it('the last final callback reads the videos no turn saw final in growing waves at once, each once', async () => {
		session.sim.configure({ webhook: { drop: true } });
		const parkedRunResult = await parkedRun(callbackBatch({ download: false }), prompts('1', '2', '3', '4', '5', '6', '7'));
		await waitFor(() => session.sim.callbacks().filter((callback) => callback.final).length === 7, 10_000);
		// Every answer comes 400 ms late: one read after another could never overlap.
		session.sim.addFault({ method: 'GET', path: 'pixverse/videos/user', kind: 'slow', delayMs: 400, phase: 'after', times: 7 });
		const decisionStarted = Date.now();
		const [last] = session.sim.callbacks().filter((callback) => callback.final).slice(-1);
		const delivery = await waiting.deliver(last.payload as IDataObject, { signature: parkedRunResult.harness.runExecutionData.resumeToken }, node);

		expect((delivery.answer as IDataObject).resumed).toBe(true);
		const reads = session.sim.log().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/videos/') && Date.parse(entry.time) >= decisionStarted);
		expect(reads.map((entry) => entry.path).sort()).toEqual(idsOf(parkedRunResult.output![0]).map((id) => `/v2/pixverse/videos/${String(id)}`).sort());
		const inFlight = reads.map((entry) => ({ from: Date.parse(entry.time), to: Date.parse(entry.time) + entry.durationMs! }));
		// Waves of 1, 2 and 4: some reads overlap, never all seven. The simulator stamps a request when
		// it reads it, so on a busy machine a read of the wave before may still seem open when the next begins.
		const mostAtOnce = Math.max(...inFlight.map((request) => inFlight.filter((other) => other.from <= request.from && request.from < other.to).length));
		expect(mostAtOnce).toBeGreaterThanOrEqual(4);
		expect(mostAtOnce).toBeLessThan(7);
		expect((await waiting.resumed()).map((item) => item.json.video_status_name)).toEqual(Array(7).fill('COMPLETED'));
	});

	it('takes callbacks out of order: a late progress update of a finished video changes nothing, the last video resumes', async () => {
		// The second video renders off-peak (longer); progress updates of each video arrive after its final one.
		await session.sim.reset({ renderMs: 1000, offPeakRenderMs: 3000, mp4Bytes: MP4_BYTES, webhook: { progress: true, progressAfterFinal: true } });
		const parked = (await parkedRun(callbackBatch({ download: false, offPeakMode: '={{ $json.prompt === "slow" }}' }), prompts('fast', 'slow'))).output![0];
		const output = await waiting.resumed();
		expect(idsOf(output)).toEqual(idsOf(parked));
		expect(output.map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED']);

		const [fast, slow] = idsOf(parked);
		const byVideo = (videoId: unknown) => waiting.deliveries.filter((delivery) => delivery.body.video_id === videoId).map((delivery) => [delivery.body.video_status_name, (delivery.answer as IDataObject).reason ?? (delivery.answer as IDataObject).resumed]);
		expect(byVideo(fast)).toEqual([
			['COMPLETED', `video ${String(slow)} is still rendering`],
			['QUEUED', 'progress update'],
			['GENERATING', 'progress update'],
		]);
		await waitFor(() => byVideo(slow).length > 0);
		expect(byVideo(slow)[0]).toEqual(['COMPLETED', true]);
		expect(posts()).toHaveLength(2);
	});

	it('brings a failed and a moderated video out as error items that name their ids, next to the finished one', async () => {
		const parked = (await parkedRun(callbackBatch({ download: false }), prompts('fine', 'broken [fail]', 'daring [moderate]'))).output![0];
		const output = await waiting.resumed();
		const [fine, failed, moderated] = output;
		expect(fine.json).toMatchObject({ video_id: parked[0].json.video_id, video_status_name: 'COMPLETED' });
		expect(failed.json).toMatchObject({ video_id: parked[1].json.video_id, video_status_name: 'FAILED', error: expect.stringContaining(`Video ${String(parked[1].json.video_id)} failed`) });
		expect(moderated.json).toMatchObject({ video_id: parked[2].json.video_id, video_status_name: 'MODERATED', error: expect.stringContaining(`Video ${String(parked[2].json.video_id)} was moderated`) });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('when no callback arrives, the deadline brings out every id with its last known status', async () => {
		session.sim.configure({ webhook: { drop: true } });
		const parkedRunResult = await parkedRun(callbackBatch(), prompts('lost one', 'lost two'));
		const ids = idsOf(parkedRunResult.output![0]);
		await waitFor(() => session.sim.callbacks().filter((callback) => callback.final).length === 2, 10_000);
		expect(waiting.deliveries).toHaveLength(0);

		const output = await waiting.deadline();
		expect(output.map((item) => item.json)).toEqual(
			ids.map((videoId) => expect.objectContaining({ video_id: videoId, timed_out: true, video_status_name: 'PROCESSING', video_status_final: false, cost_credits: expect.any(Number) })),
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(posts()).toHaveLength(2);
	});

	it('keeps waiting when a final callback cannot be checked, and resumes on the next one', async () => {
		await parkedRun(callbackBatch({ download: false }), prompts('first', 'second'));
		session.sim.addFault({ method: 'GET', path: '/videos/user', kind: 'status', status: 400, times: 1 });
		const output = await waiting.resumed();
		expect(output.map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED']);
		expect(answers()).toContainEqual(expect.objectContaining({ status: 502, resumed: false, error: expect.stringMatching(/^Could not check the videos with useapi\.net/) }));
	});

	it('answers a callback about a video it does not wait for without resuming', async () => {
		const parkedRunResult = await parkedRun(callbackBatch({ download: false }), prompts('mine'));
		const { executionId, runExecutionData } = parkedRunResult.harness;
		const stranger = { video_id: 'user:1-pixverse:demo@example.com-video:999999', video_status: 1, video_status_name: 'COMPLETED', video_status_final: true };
		const response = await fetch(`${waiting.webhookWaitingBaseUrl}/${executionId}?signature=${runExecutionData.resumeToken}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(stranger),
		});
		expect(await response.json()).toEqual({ received: true, resumed: false, reason: 'not a video this execution waits for' });
		expect((await waiting.resumed()).map((item) => item.json.video_status_name)).toEqual(['COMPLETED']);
	});

	it('does not park when every video is already final by the time all are submitted', async () => {
		await session.sim.reset({ renderMs: 1, mp4Bytes: MP4_BYTES });
		const finished = await run(callbackBatch(), prompts('quick'));
		expect(finished.error).toBeUndefined();
		expect(finished.harness.runExecutionData.waitTill).toBeUndefined();
		const [item] = finished.output![0];
		expect(item.json).toMatchObject({ video_status_name: 'COMPLETED' });
		expect((await finished.readBinary(item, 'video')).length).toBe(MP4_BYTES);
	});

	it('refuses its own Callback URL option before anything is sent', async () => {
		const refused = await run(callbackBatch({ options: { replyUrl: 'https://example.com/hook' } }), prompts('x'));
		expect(refused.error).toBeInstanceOf(NodeOperationError);
		expect(refused.error!.message).toMatch(/^A Callback URL \(replyUrl\) cannot be set with "Resume When PixVerse Calls Back"/);
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('keeps the replyRef the user gave', async () => {
		await parkedRun(callbackBatch({ download: false, options: { replyRef: '={{ "row-" + $json.prompt }}' } }), prompts('7'));
		expect(posts()[0].body).toMatchObject({ replyRef: 'row-7' });
		expect((await waiting.resumed())[0].json).toMatchObject({ video_status_name: 'COMPLETED' });
	});

	it('refuses a resume URL that useapi.net cannot reach (localhost) before anything is sent', async () => {
		const refused = await runNode({
			node,
			parameters: callbackBatch(),
			items: prompts('x'),
			credentials: { useApiApi: { apiToken: TOKEN, baseUrl: 'https://api.useapi.net' } },
		});
		expect(refused.error).toBeInstanceOf(NodeOperationError);
		expect(refused.error!.message).toBe("n8n's resume URL is http://localhost:5678/webhook-waiting/" + refused.harness.executionId + ', which api.useapi.net cannot reach. Set WEBHOOK_URL to n8n\'s public address, or choose Poll Until Done.');
		expect(refused.error!.message).not.toContain(String(refused.harness.runExecutionData.resumeToken));
	});
});
