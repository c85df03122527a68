import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createInputBinary } from './harness';
import { simulatorSession, GENERATED_REFERENCE } from './simulatorSession';

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mM4YVNBU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULAGg+8EwqH+XyAAAAAElFTkSuQmCC',
	'base64',
);

/** The first bytes of each kind of file, so each input is what its content type says. */
const CONTENT: Record<string, Buffer> = {
	'image/png': PNG,
	'video/mp4': Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(200, 3)]),
	'audio/mpeg': Buffer.concat([Buffer.from('ID3'), Buffer.alloc(200, 5)]),
};

const waitAndDownload = { waitMode: 'poll', pollInterval: 1, waitTimeout: 1, download: true, binaryProperty: 'video' };

async function item(files: Record<string, [string, string]>): Promise<INodeExecutionData[]> {
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	for (const [name, [fileName, mimeType]] of Object.entries(files)) binary[name] = await createInputBinary(CONTENT[mimeType] ?? PNG, fileName, mimeType);
	return [{ json: {}, binary }];
}
const images = (...names: string[]) => item(Object.fromEntries(names.map((name) => [name, [`${name}.png`, 'image/png']])));

describe('Video > Create From First and Last Frame against the simulator', () => {
	const session = simulatorSession();
	const frames = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'video',
		operation: 'createFrames',
		firstFrameSource: 'binary',
		firstFrameBinaryProperty: 'start',
		lastFrameSource: 'binary',
		lastFrameBinaryProperty: 'end',
		prompt: 'The bud opens into a flower',
		model: 'v5.6',
		...waitAndDownload,
		...extra,
	});
	const generation = () => session.apiRequests().find((entry) => entry.path === '/v2/pixverse/videos/create-frames');

	it('uploads both frames and makes the video; no aspect ratio is sent', async () => {
		const run = await session.run(frames({ quality: '720p', duration: 6, audio: true }), { items: await images('start', 'end') });
		expect(run.error).toBeUndefined();
		expect(generation()!.body).toEqual({ replyRef: GENERATED_REFERENCE,
			model: 'v5.6',
			prompt: 'The bud opens into a flower',
			quality: '720p',
			duration: 6,
			audio: true,
			first_frame_path: expect.stringMatching(/^upload\/.+\.png$/),
			last_frame_path: expect.stringMatching(/^upload\/.+\.png$/),
		});
		const [output] = run.output![0];
		expect(output.json).toMatchObject({ video_status_name: 'COMPLETED', model: 'v5.6' });
		expect(output.binary!.video.mimeType).toBe('video/mp4');
	});

	it('mixes a binary first frame with an uploaded last frame path, prompt optional', async () => {
		const upload = await session.run({ resource: 'file', operation: 'upload', binaryProperty: 'end' }, { items: await images('end') });
		const path = (upload.output?.[0]?.[0]?.json.path as string | undefined) ?? '';
		session.sim.clearLog();
		const run = await session.run(frames({ prompt: '', lastFrameSource: 'path', lastFramePath: path, waitMode: 'none' }), { items: await images('start') });
		expect(run.error).toBeUndefined();
		expect(generation()!.body).not.toHaveProperty('prompt');
		expect(generation()!.body!.last_frame_path).toBe(path);
	});

	it('refuses a model without first/last frame support, and 1080p for 10 s, before sending anything', async () => {
		const sora = await session.run(frames({ model: 'sora-2' }), { items: await images('start', 'end') });
		expect(sora.error).toBeInstanceOf(NodeOperationError);
		expect(sora.error!.message).toContain('Model "sora-2" cannot be used here; allowed models: "v6", "v5.6"');
		const long = await session.run(frames({ quality: '1080p', duration: 10 }), { items: await images('start', 'end') });
		expect(long.error!.message).toBe('Duration 10 s is not available on model "v5.6" at 1080p; allowed: 1 to 8 seconds');
		expect(session.apiRequests()).toHaveLength(0);
	});
});

describe('Video > Create Transition against the simulator', () => {
	const session = simulatorSession();
	const frame = (binaryProperty: string, prompt = '', duration = 5) => ({ source: 'binary', binaryProperty, prompt, duration });
	const transition = (frameList: Array<Record<string, string | number>>, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'video',
		operation: 'createTransition',
		model: 'v5',
		quality: '540p',
		frames: { frame: frameList },
		...waitAndDownload,
		...extra,
	});
	const generation = () => session.apiRequests().find((entry) => entry.path === '/v2/pixverse/videos/create-transition');

	it('sends frame_N_path per frame and prompt/duration per segment; the last frame has no segment', async () => {
		const run = await session.run(
			transition([frame('a', 'sunrise to noon', 3), frame('b', 'noon to dusk', 4), frame('c', 'ignored on the last frame', 9)]),
			{ items: await images('a', 'b', 'c') },
		);
		expect(run.error).toBeUndefined();
		expect(generation()!.body).toEqual({ replyRef: GENERATED_REFERENCE,
			model: 'v5',
			quality: '540p',
			frame_1_path: expect.stringMatching(/^upload\//),
			frame_2_path: expect.stringMatching(/^upload\//),
			frame_3_path: expect.stringMatching(/^upload\//),
			prompt_1_to_2: 'sunrise to noon',
			duration_1_to_2: '3',
			prompt_2_to_3: 'noon to dusk',
			duration_2_to_3: '4',
		});
		expect(run.output![0][0].json).toMatchObject({ video_status_name: 'COMPLETED', video_duration: 7 });
	});

	it('takes uploaded paths as frames', async () => {
		const run = await session.run(
			transition([{ source: 'path', path: 'upload/one.png' }, { source: 'path', path: ' upload/two.png ' }], { waitMode: 'none' }),
		);
		expect(run.error!.message).toBe('useapi.net rejected the request');
		expect(generation()!.body).toMatchObject({ frame_1_path: 'upload/one.png', frame_2_path: 'upload/two.png', duration_1_to_2: '5' });
	});

	it("refuses more frames than the model's limit and a single frame, naming the limit, with zero requests", async () => {
		const three = await session.run(transition([frame('a'), frame('b'), frame('c')], { model: 'v5.6' }), { items: await images('a', 'b', 'c') });
		expect(three.error).toBeInstanceOf(NodeOperationError);
		expect(three.error!.message).toBe('Model "v5.6" makes a transition from exactly 2 frames; got 3');
		const eight = await session.run(transition(Array.from({ length: 8 }, () => frame('a'))), { items: await images('a') });
		expect(eight.error!.message).toBe('Model "v5" makes a transition from 2 to 7 frames; got 8');
		const one = await session.run(transition([frame('a')]), { items: await images('a') });
		expect(one.error!.message).toBe('Model "v5" makes a transition from 2 to 7 frames; got 1');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('refuses a segment longer than the model allows at the quality, with zero requests', async () => {
		const run = await session.run(transition([frame('a', '', 10), frame('b')], { quality: '1080p' }), { items: await images('a', 'b') });
		expect(run.error!.message).toBe('Duration 10 s of the segment from frame 1 to 2 is not available on model "v5" at 1080p; allowed: 1 to 8 seconds');
		expect(session.apiRequests()).toHaveLength(0);
	});
});

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
			replyRef: GENERATED_REFERENCE,
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
		expect(Object.keys(generation()!.body!).sort()).toEqual(['aspect_ratio', 'audio_1_path', 'duration', 'frame_1_path', 'model', 'prompt', 'quality', 'replyRef', 'video_1_path']);
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
		expect(noPrompt.error!.message).toBe('Prompt is only spaces; allowed: text (it is required)');
		expect(session.apiRequests()).toHaveLength(0);
	});
});
