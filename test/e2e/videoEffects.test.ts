/**
 * The effect and multi-image examples of examples/ run in a real n8n 2.41 with the packed package,
 * against the simulator.
 */
import { binaryContent, binaryMetadata, nodeOutputItems, useN8nTestEnvironment } from './helpers';
import { fastPollExample } from './helpers/fastPollExample';

const MP4_BYTES = 200_000;

/** The reference every generation carries when the workflow sets none. */
const GENERATED = expect.stringMatching(/^n8n-execution-/);

describe('Effect and multi-image examples in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: [fastPollExample('effect-from-photo'), 'list-effects', fastPollExample('multi-image-videos')],
		simulator: { renderMs: 800, mp4Bytes: MP4_BYTES },
		shared: true,
	});

	const apiRequests = () => n8n.simulator.log().filter((entry) => entry.path.startsWith('/v2/pixverse/'));
	const generations = () => apiRequests().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));

	beforeEach(() => n8n.simulator.clearLog());

	it('effect from a binary photo: the template animates the uploaded photo; an image effect ends with the still', async () => {
		const run = await n8n.executeOk('pvEffectFromPhoto');
		const [video] = nodeOutputItems(run, 'Earth Zoom Out');
		expect(video.json).toMatchObject({ video_status_name: 'COMPLETED', template_id: 315001, quality: '540p' });
		expect(binaryMetadata(video, 'video').mimeType).toBe('video/mp4');
		expect(binaryContent(n8n.userFolder, video, 'video').length).toBe(MP4_BYTES);

		const [still] = nodeOutputItems(run, 'Polaroid Still');
		expect(still.json).toMatchObject({ result_type: 'image', image_status_name: 'COMPLETED' });
		expect(still.json.image_id).toMatch(/-image:\d+$/);
		expect(binaryMetadata(still, 'still').mimeType).toBe('image/png');

		const bodies = generations().map((entry) => entry.body!);
		expect(bodies).toHaveLength(2);
		expect(bodies).toContainEqual({ template_id: 315001, quality: '540p', first_frame_path: expect.stringMatching(/^upload\/.+\.png$/), replyRef: GENERATED });
		expect(bodies).toContainEqual({ template_id: 315007, quality: '720p', first_frame_path: expect.stringMatching(/^upload\/.+\.png$/), replyRef: GENERATED });
		for (const body of bodies) expect(body).not.toHaveProperty('model');
	});

	it('effect list: templates of one effect type with their total cost', async () => {
		const run = await n8n.executeOk('pvListEffects');
		const items = nodeOutputItems(run, 'Two-Photo Effects');
		expect(items.map((item) => item.json.display_name)).toEqual(['Warm Hug']);
		expect(items[0].json).toMatchObject({ effect_type: '2', total_cost: 40 });
	});

	it('first and last frame, transition and fusion from two merged binary images', async () => {
		const run = await n8n.executeOk('pvMultiImageVideos');
		const [frames] = nodeOutputItems(run, 'First and Last Frame');
		expect(frames.json).toMatchObject({ video_status_name: 'COMPLETED', model: 'v5.6' });
		expect(binaryMetadata(frames, 'video').mimeType).toBe('video/mp4');
		expect(nodeOutputItems(run, 'Transition')[0].json).toMatchObject({ video_status_name: 'COMPLETED', model: 'v5', video_duration: 4 });
		expect(nodeOutputItems(run, 'Fusion')[0].json).toMatchObject({ video_status_name: 'COMPLETED', model: 'pixverse-c1' });

		const byPath = Object.fromEntries(generations().map((entry) => [entry.path, entry.body!]));
		expect(byPath['/v2/pixverse/videos/create-frames']).toEqual({
			replyRef: GENERATED,
			model: 'v5.6',
			prompt: 'The morning scene turns into night',
			quality: '540p',
			duration: 5,
			audio: false,
			first_frame_path: expect.stringMatching(/^upload\//),
			last_frame_path: expect.stringMatching(/^upload\//),
		});
		expect(byPath['/v2/pixverse/videos/create-transition']).toMatchObject({ frame_1_path: expect.any(String), frame_2_path: expect.any(String), duration_1_to_2: '4', prompt_1_to_2: 'Slow dolly from morning into night' });
		expect(byPath['/v2/pixverse/videos/create-fusion']).toMatchObject({ frame_1_path: expect.any(String), frame_2_path: expect.any(String), aspect_ratio: '16:9' });
	});
});
