/**
 * A model, quality and duration taken from the previous node's fields: n8n runs the workflow
 * (no "workflow has issues") and Video > Create sends what the fields say, to a finished MP4.
 */
import { binaryMetadata, nodeOutputItems, useN8nTestEnvironment } from './helpers';

describe('Video > Create with its model settings from expressions, in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: ['test/e2e/fixtures/model-from-fields.json'],
		simulator: { renderMs: 300, mp4Bytes: 50_000 },
	});

	it('sends the model, quality and duration of the previous node and brings out the finished video', async () => {
		n8n.simulator.clearLog();
		const run = await n8n.executeOk('pvModelFromFields');

		const posts = n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toMatchObject({ model: 'v5.5', quality: '540p', duration: 5 });

		const [video] = nodeOutputItems(run, 'Create');
		expect(video.json).toMatchObject({ model: 'v5.5', quality: '540p', video_status_name: 'COMPLETED', video_status_final: true });
		expect(binaryMetadata(video, 'video')).toMatchObject({ mimeType: 'video/mp4' });
	});
});
