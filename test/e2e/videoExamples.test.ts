/**
 * The example workflows of examples/ run in a real n8n 2.41 with the packed package installed the
 * way a user installs it, against the simulator.
 */
import { binaryContent, binaryMetadata, nodeError, nodeOutputItems, useN8nTestEnvironment } from './helpers';
import { fastPollExample } from './helpers/fastPollExample';

const MP4_BYTES = 400_000;

describe('Video examples in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: [fastPollExample('text-to-video'), fastPollExample('image-to-video'), 'invalid-combination'],
		simulator: { renderMs: 800, mp4Bytes: MP4_BYTES },
		shared: true,
	});

	const apiRequests = () => n8n.simulator.log().filter((entry) => entry.path.startsWith('/v2/pixverse/'));

	beforeEach(() => n8n.simulator.clearLog());

	it('text to video: the MP4 arrives as a binary of the right size and type', async () => {
		const run = await n8n.executeOk('pvTextToVideo');
		const [item] = nodeOutputItems(run, 'Text to Video');
		expect(item.json).toMatchObject({ video_status_name: 'COMPLETED', model: 'v6', quality: '720p', duration: 5 });
		expect(binaryMetadata(item, 'video')).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
		const bytes = binaryContent(n8n.userFolder, item, 'video');
		expect(bytes.length).toBe(MP4_BYTES);
		expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
		expect(apiRequests().filter((entry) => entry.method === 'POST').map((entry) => entry.body)).toEqual([
			{ model: 'v6', prompt: 'A red fox running through fresh snow at sunrise, cinematic', quality: '720p', duration: 5, aspect_ratio: '16:9', audio: true, replyRef: expect.stringMatching(/^n8n-execution-/) },
		]);
	});

	it('image to video: the binary image is uploaded and used as the first frame', async () => {
		const run = await n8n.executeOk('pvImageToVideo');
		const [item] = nodeOutputItems(run, 'Image to Video');
		expect(item.json).toMatchObject({ video_status_name: 'COMPLETED', model: 'v5.6' });
		expect(binaryMetadata(item, 'video').mimeType).toBe('video/mp4');
		const [upload, create] = apiRequests().filter((entry) => entry.method === 'POST');
		expect(upload.path.startsWith('/v2/pixverse/files')).toBe(true);
		expect(upload.contentType).toBe('image/png');
		expect(create.body!.first_frame_path).toMatch(/^upload\//);
		expect(create.body).not.toHaveProperty('aspect_ratio');
	});

	it('invalid combination: a clear error and not a single request', async () => {
		const run = await n8n.execute('pvInvalidCombination');
		expect(run.ok).toBe(false);
		const error = nodeError(run.result!, 'Too Long at 1080p');
		expect(error?.message).toBe('Duration 10 s is not available on model "v5.6" at 1080p; allowed: 1 to 8 seconds');
		expect(apiRequests()).toHaveLength(0);
	});
});
