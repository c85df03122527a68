import { NodeOperationError } from 'n8n-workflow';

import { createInputBinary } from '../harness';
import { simulatorSession } from '../simulatorSession';

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mM4YVNBU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULAGg+8EwqH+XyAAAAAElFTkSuQmCC',
	'base64',
);

describe('File > Upload against the simulator', () => {
	const session = simulatorSession();
	const upload = (extra: Record<string, string> = {}) => ({ resource: 'file', operation: 'upload', binaryProperty: 'data', ...extra });
	const uploads = () => session.apiRequests().filter((entry) => entry.method === 'POST');

	it('uploads an image and outputs the path to use in other operations', async () => {
		const image = await createInputBinary(PNG, 'frame.png', 'image/png');
		const run = await session.run(upload(), { items: [{ json: {}, binary: { data: image } }] });
		expect(run.error).toBeUndefined();
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ kind: 'image', mime_type: 'image/png', file_name: 'frame.png', size: PNG.length });
		expect(item.json.path).toMatch(/^upload\/.+\.png$/);
		expect(item.json.url).toBe(`${session.sim.url}/media/${item.json.path}`);
		expect(item.json).not.toHaveProperty('result');
		expect(uploads()).toEqual([expect.objectContaining({ path: '/v2/pixverse/files', contentType: 'image/png', bodyBytes: PNG.length, status: 200 })]);
	});

	it('uploads a video streamed from binary storage', async () => {
		const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
		const video = await createInputBinary(bytes, 'motion.mp4', 'video/mp4');
		const run = await session.run(upload({ binaryProperty: 'clip' }), { items: [{ json: {}, binary: { clip: video } }] });
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ kind: 'video', mime_type: 'video/mp4' });
		expect(item.json.path).toMatch(/^upload\/.+\.mp4$/);
		expect(uploads()[0].bodyBytes).toBe(bytes.length);
	});

	describe('with several accounts', () => {
		beforeEach(() => {
			session.sim.configure({
				accounts: [
					{ email: 'first@example.com', maxJobs: 1, credits: 100 },
					{ email: 'second@example.com', maxJobs: 1, credits: 100 },
				],
			});
		});

		it('sends the chosen account', async () => {
			const audio = await createInputBinary(Buffer.from('RIFF....WAVEfmt '), 'voice.wav', 'audio/wav');
			const run = await session.run(upload({ account: 'second@example.com' }), { items: [{ json: {}, binary: { data: audio } }] });
			expect(run.output![0][0].json).toMatchObject({ kind: 'audio' });
			expect(session.apiRequests().map((entry) => entry.path)).toEqual(['/v2/pixverse/files?email=second%40example.com']);
		});

		it('uploads with the first account on automatic, asking for the accounts once per run', async () => {
			const image = await createInputBinary(PNG, 'frame.png', 'image/png');
			const items = [0, 1, 2].map(() => ({ json: {}, binary: { data: image } }));
			const run = await session.run(upload(), { items });
			expect(run.output![0].map((item) => item.json.kind)).toEqual(['image', 'image', 'image']);
			expect(session.apiRequests().filter((entry) => entry.path === '/v2/pixverse/accounts')).toHaveLength(1);
			expect(uploads().map((entry) => entry.path)).toEqual(Array(3).fill('/v2/pixverse/files?email=first%40example.com'));
		});
	});

	it('refuses a type PixVerse does not take without sending anything', async () => {
		const text = await createInputBinary(Buffer.from('hello'), 'note.txt', 'text/plain');
		const run = await session.run(upload(), { items: [{ json: {}, binary: { data: text } }] });
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toBe(
			'The file in binary field "data" has type "text/plain", which PixVerse does not accept; allowed: image/png, image/jpeg, image/gif, image/webp, video/mp4, video/quicktime, video/3gpp, video/x-matroska, video/x-flv, video/mpeg, video/MP2T, video/x-msvideo, video/x-motion-jpeg, video/webm, video/ogg, audio/wav, audio/wave, audio/mpeg',
		);
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('reports a missing binary field per item under continueOnFail, and uploads the others', async () => {
		const image = await createInputBinary(PNG, 'frame.png', 'image/png');
		const run = await session.run(upload(), { items: [{ json: {} }, { json: {}, binary: { data: image } }], continueOnFail: true });
		const [missing, uploaded] = run.output![0];
		expect(missing.json.error).toMatch(/data/);
		expect(missing.pairedItem).toEqual({ item: 0 });
		expect(uploaded.json.kind).toBe('image');
		expect(uploads()).toHaveLength(1);
	});
});
