/**
 * The chained example (create → extend → lip sync → upscale, each step taking the previous video's
 * id by expression) runs in a real n8n 2.41 with the packed package, against the simulator. The
 * lip sync comes before the upscale, so it works on the 720p video and the 4K file is made last.
 */
import { binaryContent, binaryMetadata, nodeOutputItems, useN8nTestEnvironment } from './helpers';
import { fastPollExample } from './helpers/fastPollExample';

const MP4_BYTES = 200_000;
const STEPS = ['Create', 'Extend', 'Lip Sync', 'Upscale'];

describe('Chained example in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: [fastPollExample('create-extend-lipsync-upscale')],
		simulator: { renderMs: 600, mp4Bytes: MP4_BYTES },
		shared: true,
	});

	it('each step works on the video the step before made, and the final MP4 arrives', async () => {
		n8n.simulator.clearLog();
		const run = await n8n.executeOk('pvChainedLipSync');
		const [created, extended, lipSynced, upscaled] = STEPS.map((step) => {
			const items = nodeOutputItems(run, step);
			expect(items).toHaveLength(1);
			return items[0];
		});

		const posts = n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
		expect(posts.map((entry) => [entry.path, entry.status])).toEqual([
			['/v2/pixverse/videos/create', 200],
			['/v2/pixverse/videos/extend', 200],
			['/v2/pixverse/videos/lipsync', 200],
			['/v2/pixverse/videos/upscale', 200],
		]);
		const [, extend, lipsync, upscale] = posts.map((entry) => entry.body!);
		expect(extend).toMatchObject({ video_id: created.json.video_id, model: 'v5', duration: 5 });
		expect(lipsync).toEqual({ video_id: extended.json.video_id, prompt: 'Good morning from the mountains!', speaker_id: '1', original_sound_switch: false, replyRef: expect.stringMatching(/^n8n-execution-/) });
		expect(upscale).toEqual({ video_id: lipSynced.json.video_id, replyRef: expect.stringMatching(/^n8n-execution-/) });

		const numberOf = (videoId: unknown) => Number(/-video:(\d+)$/.exec(String(videoId))![1]);
		expect(extended.json).toMatchObject({ extended: true, original_video_id: numberOf(created.json.video_id), video_duration: 10 });
		expect(lipSynced.json).toMatchObject({ lip_sync: true, output_height: 720, original_video_id: numberOf(extended.json.video_id) });
		expect(upscaled.json).toMatchObject({ upscaled: true, output_height: 2160, video_status_name: 'COMPLETED', original_video_id: numberOf(lipSynced.json.video_id) });
		for (const item of [created, extended, lipSynced]) expect(item.binary).toBeUndefined();
		// useapi.net lip-syncs only V5 videos, so the whole chain stays on V5.
		for (const item of [created, extended, lipSynced, upscaled]) expect(item.json.model).toBe('v5');

		expect(binaryMetadata(upscaled, 'video')).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
		const bytes = binaryContent(n8n.userFolder, upscaled, 'video');
		expect(bytes.length).toBe(MP4_BYTES);
		expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
	});
});
