import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createInputBinary } from '../../harness';
import { simulatorSession } from '../../simulatorSession';

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mM4YVNBU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULAGg+8EwqH+XyAAAAAElFTkSuQmCC',
	'base64',
);

const waitAndDownload = { waitMode: 'poll', pollInterval: 1, waitTimeout: 1, download: true, binaryProperty: 'video' };

async function item(files: Record<string, [string, string]>): Promise<INodeExecutionData[]> {
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	for (const [name, [fileName, mimeType]] of Object.entries(files)) binary[name] = await createInputBinary(PNG, fileName, mimeType);
	return [{ json: {}, binary }];
}
const images = (...names: string[]) => item(Object.fromEntries(names.map((name) => [name, [`${name}.png`, 'image/png']])));

describe('Video > Create Fusion against the simulator', () => {
	const session = simulatorSession();
	const fusion = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'video',
		operation: 'createFusion',
		prompt: '@image1 walks into the room of @image2',
		model: 'pixverse-c1',
		quality: '720p',
		duration: 5,
		aspectRatio: '3:2',
		referenceImagesSource: 'binary',
		referenceImagesBinaryFields: 'person, room',
		...waitAndDownload,
		...extra,
	});
	const generation = () => session.apiRequests().find((entry) => entry.path === '/v2/pixverse/videos/create-fusion');

	it('uploads the reference images in order as frame_1_path, frame_2_path with the prompt and aspect ratio', async () => {
		const run = await session.run(fusion(), { items: await images('person', 'room') });
		expect(run.error).toBeUndefined();
		const body = generation()!.body!;
		expect(body).toEqual({
			model: 'pixverse-c1',
			prompt: '@image1 walks into the room of @image2',
			quality: '720p',
			duration: 5,
			aspect_ratio: '3:2',
			frame_1_path: expect.stringMatching(/^upload\//),
			frame_2_path: expect.stringMatching(/^upload\//),
		});
		const uploads = session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/files'));
		expect(uploads).toHaveLength(2);
		expect(run.output![0][0].json).toMatchObject({ video_status_name: 'COMPLETED', aspect_ratio: '3:2' });
	});

	it('sends reference videos and audios on Seedance', async () => {
		const items = await item({ person: ['p.png', 'image/png'], moves: ['m.mp4', 'video/mp4'], beat: ['b.mp3', 'audio/mpeg'] });
		const run = await session.run(
			fusion({
				model: 'seedance-2.0',
				quality: '720p',
				aspectRatio: '16:9',
				referenceImagesBinaryFields: 'person',
				referenceVideosSource: 'binary',
				referenceVideosBinaryFields: 'moves',
				referenceAudiosSource: 'binary',
				referenceAudiosBinaryFields: 'beat',
				waitMode: 'none',
			}),
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(Object.keys(generation()!.body!).sort()).toEqual(['aspect_ratio', 'audio_1_path', 'duration', 'frame_1_path', 'model', 'prompt', 'quality', 'video_1_path']);
		const uploadTypes = session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/files')).map((entry) => entry.contentType);
		expect(uploadTypes).toEqual(['image/png', 'video/mp4', 'audio/mpeg']);
	});

	it("refuses more references than the model takes, naming the model's limit, with zero requests", async () => {
		const tooMany = await session.run(fusion({ model: 'v5', quality: '540p', aspectRatio: '16:9', referenceImagesSource: 'path', referenceImagesPaths: 'upload/1.png, upload/2.png, upload/3.png, upload/4.png' }));
		expect(tooMany.error).toBeInstanceOf(NodeOperationError);
		expect(tooMany.error!.message).toBe('Model "v5" takes at most 3 reference images; got 4');
		const videos = await session.run(fusion({
			model: 'seedance-2.0',
			aspectRatio: '16:9',
			referenceImagesSource: 'path',
			referenceImagesPaths: 'upload/1.png',
			referenceVideosSource: 'path',
			referenceVideosPaths: 'upload/1.mp4, upload/2.mp4, upload/3.mp4, upload/4.mp4',
		}));
		expect(videos.error!.message).toBe('Model "seedance-2.0" takes at most 3 reference videos; got 4');
		const none = await session.run(fusion({ referenceImagesSource: 'path', referenceImagesPaths: ' , ' }));
		expect(none.error!.message).toBe('Fusion needs at least 1 reference image (referred to as @image1 in the prompt)');
		const noPrompt = await session.run(fusion({ prompt: '  ' }), { items: await images('person', 'room') });
		expect(noPrompt.error!.message).toContain('Fusion needs a prompt');
		expect(session.apiRequests()).toHaveLength(0);
	});
});
