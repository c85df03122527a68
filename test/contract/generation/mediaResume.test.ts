/** Resume When PixVerse Calls Back with speech and images: the callback names an audio_id or image_id, and the same resume brings the files out. */
import type { INodeExecutionData } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { waitFor } from '../../unit/simulator/helpers';
import { startWaitingServer, type WaitingServer } from '../harness';
import { simulatorSession } from '../simulatorSession';
import { imageCreate, speechCreate } from '../simulatorMedia';

const texts = (...values: string[]): INodeExecutionData[] => values.map((text) => ({ json: { text } }));

describe('Resume When PixVerse Calls Back, for speech and images', () => {
	// Long enough renders that the node parks (it checks once right after submitting).
	const session = simulatorSession({ renderMs: 2500 });
	let waiting: WaitingServer;
	const node = new PixVerse();

	beforeEach(async () => {
		waiting = await startWaitingServer();
	});
	afterEach(async () => {
		await waiting.close();
	});

	it('parks a batch of speech, resumes once on the last callback and puts out every clip with its audio', async () => {
		const parked = await session.run(speechCreate({ text: '={{ $json.text }}', waitMode: 'callback', waitTimeout: 10 }), {
			items: texts('Hello there.', 'Welcome back.'),
			additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl },
		});
		expect(parked.error).toBeUndefined();
		waiting.attach(parked, node);
		const parkedItems = parked.output![0];
		expect(parkedItems.map((item) => item.json)).toEqual([0, 1].map(() => expect.objectContaining({ audio_id: expect.stringMatching(/-speech:\d+$/), timed_out: true })));
		const posts = session.apiRequests().filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => entry.body!.replyUrl)).toEqual([0, 1].map(() => expect.stringContaining(waiting.webhookWaitingBaseUrl)));

		const output = await waiting.resumed();
		expect(output.map((item) => [item.json.audio_id, item.json.video_status_name])).toEqual(parkedItems.map((item) => [item.json.audio_id, 'COMPLETED']));
		for (const item of output) expect((await parked.readBinary(item, 'data')).subarray(0, 4).toString('latin1')).toBe('RIFF');
		await waitFor(() => session.sim.callbacks().length === 2 && session.sim.callbacks().every((callback) => callback.status));
		expect(waiting.deliveries.filter((delivery) => (delivery.answer as { resumed?: boolean })?.resumed === true)).toHaveLength(1);
		expect(session.apiRequests().filter((entry) => entry.method === 'POST')).toHaveLength(2);
	});

	it('resumes on an image callback (image_id)', async () => {
		const parked = await session.run(imageCreate({ waitMode: 'callback', waitTimeout: 10 }), { additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl } });
		expect(parked.error).toBeUndefined();
		waiting.attach(parked, node);
		const output = await waiting.resumed();
		expect(output[0].json).toMatchObject({ image_id: parked.output![0][0].json.image_id, video_status_name: 'COMPLETED' });
		expect(output[0].binary!.data.mimeType).toBe('image/png');
	});
});
