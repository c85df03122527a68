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
		expect(generation()!.body).toEqual({
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
