/**
 * The chained example (create → extend → upscale → lip sync, each step taking the previous video's
 * id by expression) runs in a real n8n 2.41 with the packed package, against the simulator.
 */
import { binaryContent, binaryMetadata, nodeOutputItems, useN8nTestEnvironment } from './helpers';

const MP4_BYTES = 200_000;
const STEPS = ['Create', 'Extend', 'Upscale', 'Lip Sync'];

describe('Chained example in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: ['create-extend-upscale-lipsync'],
		simulator: { renderMs: 600, mp4Bytes: MP4_BYTES },
	});

	it('each step works on the video the step before made, and the final MP4 arrives', async () => {
		n8n.simulator.clearLog();
		const run = await n8n.executeOk('pvChainedLipSync');
		const [created, extended, upscaled, lipSynced] = STEPS.map((step) => {
			const items = nodeOutputItems(run, step);
			expect(items).toHaveLength(1);
			return items[0];
		});

		const posts = n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
		expect(posts.map((entry) => [entry.path, entry.status])).toEqual([
			['/v2/pixverse/videos/create', 200],
			['/v2/pixverse/videos/extend', 200],
			['/v2/pixverse/videos/upscale', 200],
			['/v2/pixverse/videos/lipsync', 200],
		]);
		const [, extend, upscale, lipsync] = posts.map((entry) => entry.body!);
		expect(extend).toMatchObject({ video_id: created.json.video_id, model: 'v5', duration: 5 });
		expect(upscale).toEqual({ video_id: extended.json.video_id, replyRef: expect.stringMatching(/^n8n-execution-/) });
		expect(lipsync).toEqual({ video_id: upscaled.json.video_id, prompt: 'Good morning from the mountains!', speaker_id: '1', original_sound_switch: false, replyRef: expect.stringMatching(/^n8n-execution-/) });

		const numberOf = (videoId: unknown) => Number(/-video:(\d+)$/.exec(String(videoId))![1]);
		expect(extended.json).toMatchObject({ extended: true, original_video_id: numberOf(created.json.video_id), video_duration: 10 });
		expect(upscaled.json).toMatchObject({ upscaled: true, output_height: 2160, original_video_id: numberOf(extended.json.video_id) });
		expect(lipSynced.json).toMatchObject({ lip_sync: true, video_status_name: 'COMPLETED', original_video_id: numberOf(upscaled.json.video_id) });
		for (const item of [created, extended, upscaled]) expect(item.binary).toBeUndefined();
		// useapi.net lip-syncs only V5 videos, so the whole chain stays on V5.
		for (const item of [created, extended, upscaled]) expect(item.json.model).toBe('v5');

		expect(binaryMetadata(lipSynced, 'video')).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
		const bytes = binaryContent(n8n.userFolder, lipSynced, 'video');
		expect(bytes.length).toBe(MP4_BYTES);
		expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
	});
});
