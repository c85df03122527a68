import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { startWaitingServer, type WaitingServer } from './harness';
import { simulatorSession, textToVideo } from './simulatorSession';

const MP4_BYTES = 120_000;
const prompts = (...texts: string[]): INodeExecutionData[] => texts.map((prompt) => ({ json: { prompt } }));
const callbackBatch = (extra: INodeParameters = {}) => textToVideo({ prompt: '={{ $json.prompt }}', waitMode: 'callback', waitTimeout: 10, ...extra });

describe('Resume When PixVerse Calls Back', () => {
	const session = simulatorSession({ renderMs: 1500, mp4Bytes: MP4_BYTES });
	let waiting: WaitingServer;
	const node = new PixVerse();

	beforeEach(async () => {
		waiting = await startWaitingServer();
	});
	afterEach(async () => {
		await waiting.close();
	});

	const posts = () => session.apiRequests().filter((entry) => entry.method === 'POST');
	const parkedRun = async (parameters: INodeParameters, items: INodeExecutionData[], extra = {}) => {
		const run = await session.run(parameters, { items, additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl }, ...extra });
		expect(run.error).toBeUndefined();
		waiting.attach(run, node);
		return run;
	};

	it('submits every item with the resume URL, parks, and resumes with every MP4 once all are final', async () => {
		const startedAt = Date.now();
		const run = await parkedRun(callbackBatch(), prompts('a lighthouse', 'a harbour', 'a storm'));

		const parked = run.output![0];
		const ids = posts().map((entry) => entry.body!.video_id ?? entry.status);
		expect(posts()).toHaveLength(3);
		expect(parked.map((item) => item.json)).toEqual([0, 1, 2].map(() => expect.objectContaining({ video_id: expect.any(String), timed_out: true, video_status_final: false })));
		const resumeUrl = `${waiting.webhookWaitingBaseUrl}/${run.harness.executionId}?signature=${run.harness.runExecutionData.resumeToken}`;
		expect(posts().map((entry) => entry.body)).toEqual(
			['a lighthouse', 'a harbour', 'a storm'].map((prompt, index) => expect.objectContaining({ prompt, replyUrl: resumeUrl, replyRef: `n8n-execution-${run.harness.executionId}-item-${index}` })),
		);
		const waitTill = run.harness.runExecutionData.waitTill!.getTime();
		expect(waitTill).toBeGreaterThanOrEqual(startedAt + 10 * 60_000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
		expect(run.harness.executeData.data.main[0]).toBe(parked);

		const output = await waiting.resumed();
		expect(output.map((item) => [item.json.video_id, item.json.video_status_name, item.json.prompt])).toEqual(
			parked.map((item, index) => [item.json.video_id, 'COMPLETED', ['a lighthouse', 'a harbour', 'a storm'][index]]),
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of output) expect((await run.readBinary(item, 'video')).length).toBe(MP4_BYTES);
		expect(posts()).toHaveLength(3);
		expect(ids).toHaveLength(3);
		const answers = waiting.deliveries.map((delivery) => delivery.answer as IDataObject);
		expect(answers.filter((answer) => answer.resumed === true)).toHaveLength(1);
	});
});
