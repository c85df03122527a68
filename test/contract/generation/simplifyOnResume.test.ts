import type { INodeExecutionData } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { startWaitingServer, type WaitingServer } from '../harness';
import { simulatorSession, textToVideo } from '../simulatorSession';

const COMPACT = ['video_id', 'video_status_name', 'video_status_final', 'url', 'model', 'prompt', 'duration', 'quality', 'aspect_ratio', 'created_at', 'cost_credits'];

describe('Simplify with Resume When PixVerse Calls Back', () => {
	// The node parks only when a video still renders at its first check, right after submitting: renders last long enough for that on a busy machine.
	const session = simulatorSession({ renderMs: 3000, mp4Bytes: 10_000 });
	let waiting: WaitingServer;

	beforeEach(async () => {
		waiting = await startWaitingServer();
	});
	afterEach(async () => {
		await waiting.close();
	});

	it('parks compact items the resume still finds, and resumes with compact finished records', async () => {
		const items: INodeExecutionData[] = [{ json: { prompt: 'a lighthouse' } }, { json: { prompt: 'a harbour' } }];
		const parameters = textToVideo({ prompt: '={{ $json.prompt }}', waitMode: 'callback', waitTimeout: 10, download: false, simplify: true, options: { replyRef: 'row-7' } });
		const parked = await session.run(parameters, { items, additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl } });
		expect(parked.error).toBeUndefined();
		for (const item of parked.output![0]) expect(item.json).toMatchObject({ timed_out: true, video_status_final: false, video_id: expect.any(String) });
		waiting.attach(parked, new PixVerse());

		const output = await waiting.resumed();
		expect(output.map((item) => item.json.video_id)).toEqual(parked.output![0].map((item) => item.json.video_id));
		for (const item of output) {
			expect(Object.keys(item.json).sort()).toEqual([...COMPACT, 'replyRef'].sort());
			expect(item.json).toMatchObject({ video_status_name: 'COMPLETED', replyRef: 'row-7' });
		}
	});
});
