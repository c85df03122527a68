import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { createInputBinary } from '../../harness';
import { GENERATED_REFERENCE } from '../../simulatorSession';
import { POLL_WITHOUT_DOWNLOAD, sourceVideoSession } from '../../simulatorVideos';

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(2000, 3)]);
/** A PNG's signature, then text the simulator reads (its no-subject marker). */
const png = (text: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);

const wait = POLL_WITHOUT_DOWNLOAD;

describe('Video operations on an existing video, against the simulator', () => {
	const { session, posts } = sourceVideoSession();
	describe('Motion Control', () => {
		const motion = (extra: INodeParameters = {}): INodeParameters => ({
			resource: 'video', operation: 'motionControl', characterImageSource: 'binary', characterImageBinaryProperty: 'image',
			motionVideoSource: 'binary', motionVideoBinaryProperty: 'video', model: 'v5.6', quality: '720p', ...wait, ...extra,
		});
		const inputs = async (imageBytes = png('a clear dog')) => ({
			json: {},
			binary: { image: await createInputBinary(imageBytes, 'dog.png', 'image/png'), video: await createInputBinary(MP4, 'dance.mp4', 'video/mp4') },
		});

		it('uploads the character image and the motion video, then animates', async () => {
			const run = await session.run(motion({ quality: '540p' }), { items: [await inputs()] });
			expect(run.error).toBeUndefined();
			const [image, video, submit] = posts();
			expect([image.contentType, video.contentType]).toEqual(['image/png', 'video/mp4']);
			expect(submit.path).toBe('/v2/pixverse/videos/motion-control');
			expect(submit.body).toEqual({ replyRef: GENERATED_REFERENCE, model: 'v5.6', quality: '540p', frame_1_path: expect.stringMatching(/\.png$/), video_1_path: expect.stringMatching(/\.mp4$/) });
			expect(run.output![0][0].json).toMatchObject({ model: 'v5.6', video_status_name: 'COMPLETED' });
		});

		it('explains the refusal of an image without a clear subject (422)', async () => {
			const run = await session.run(motion(), { items: [await inputs(png('an empty room [no-subject]'))] });
			expect(run.error).toBeInstanceOf(NodeApiError);
			expect((run.error as NodeApiError).description).toContain('The character image has no clear person or animal subject');
		});

		it('refuses 1080p before sending anything', async () => {
			const run = await session.run(motion({ quality: '1080p' }), { items: [await inputs()] });
			expect(run.error!.message).toBe('Quality "1080p" is not available on model "v5.6"; allowed: "360p", "540p", "720p"');
			expect(session.apiRequests()).toHaveLength(0);
		});
	});
});
