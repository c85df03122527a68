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
		expect(generation()!.body).toEqual({
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
