import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { createInputBinary } from '../../harness';
import { GENERATED_REFERENCE, simulatorSession } from '../../simulatorSession';
import { waitUntilFinal } from '../../simulatorVideos';

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mM4YVNBU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULAGg+8EwqH+XyAAAAAElFTkSuQmCC',
	'base64',
);

const fromEffect = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'createFromEffect',
	effect: { __rl: true, mode: 'list', value: '315001' },
	imagesSource: 'binary',
	imagesBinaryFields: 'data',
	waitMode: 'poll',
	pollInterval: 1,
	waitTimeout: 1,
	download: true,
	binaryProperty: 'video',
	...extra,
});

async function photos(...names: string[]) {
	const binary: Record<string, Awaited<ReturnType<typeof createInputBinary>>> = {};
	for (const name of names) binary[name] = await createInputBinary(PNG, `${name}.png`, 'image/png');
	return [{ json: {}, binary }];
}

describe('Video > Create From Effect against the simulator', () => {
	const session = simulatorSession();
	const posts = () => session.apiRequests().filter((entry) => entry.method === 'POST');
	const generationPosts = () => posts().filter((entry) => entry.path.startsWith('/v2/pixverse/videos/'));

	it('animates one binary photo with a one-image effect: template_id, the template\'s first quality, no model', async () => {
		const run = await session.run(fromEffect(), { items: await photos('data') });
		expect(run.error).toBeUndefined();
		const [create] = generationPosts();
		expect(create.path).toBe('/v2/pixverse/videos/create');
		expect(create.body).toEqual({ replyRef: GENERATED_REFERENCE, template_id: 315001, quality: '360p', first_frame_path: expect.stringMatching(/^upload\/.+\.png$/) });
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ video_status_name: 'COMPLETED', template_id: 315001, model: 'v5' });
		expect(item.binary!.video.mimeType).toBe('video/mp4');
		// The catalog is read once, before the upload and the generation.
		const requests = session.apiRequests();
		const effects = requests.filter((entry) => entry.path.startsWith('/v2/pixverse/videos/effects'));
		expect(effects).toHaveLength(1);
		expect(effects[0].seq).toBeLessThan(requests.find((entry) => entry.method === 'POST')!.seq);
	});

	it('sends two images as first/last_frame_path and more as frame_1..N_path, never mixed', async () => {
		await session.run(fromEffect({ effect: { __rl: true, mode: 'id', value: '315002' }, imagesBinaryFields: 'a, b', waitMode: 'none' }), { items: await photos('a', 'b') });
		await session.run(fromEffect({ effect: { __rl: true, mode: 'id', value: '315006' }, imagesBinaryFields: 'a,b,c', quality: '540p', waitMode: 'none' }), { items: await photos('a', 'b', 'c') });
		const [two, three] = generationPosts();
		expect(Object.keys(two.body!).sort()).toEqual(['first_frame_path', 'last_frame_path', 'quality', 'replyRef', 'template_id']);
		expect(Object.keys(three.body!).sort()).toEqual(['frame_1_path', 'frame_2_path', 'frame_3_path', 'quality', 'replyRef', 'template_id']);
		expect(three.body!.quality).toBe('540p');
	});

	it('takes uploaded paths instead of binaries', async () => {
		const run = await session.run(fromEffect({ imagesSource: 'path', imagesPaths: 'upload/missing.png', waitMode: 'none' }));
		// The simulator only knows paths it handed out: the request reached it with the path as given.
		expect(run.error!.message).toBe('useapi.net rejected the request');
		expect(generationPosts()[0].body).toEqual({ replyRef: GENERATED_REFERENCE, template_id: 315001, quality: '360p', first_frame_path: 'upload/missing.png' });
	});

	it('refuses a quality the template does not offer after reading the catalog, before any upload or generation', async () => {
		const run = await session.run(fromEffect({ quality: '1080p' }), { items: await photos('data') });
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toBe('Quality "1080p" is not available for effect "Earth Zoom Out" (315001); allowed: "360p", "540p", "720p"');
		expect(posts()).toHaveLength(0);
	});

	it('refuses a wrong number of images for the effect type before any upload or generation', async () => {
		const tooFew = await session.run(fromEffect({ effect: { __rl: true, mode: 'id', value: '315005' } }), { items: await photos('data') });
		expect(tooFew.error!.message).toBe('Effect "Best Friends Trio" (315005) takes 2 to 3 input images; got 1');
		const tooMany = await session.run(fromEffect({ imagesBinaryFields: 'a,b' }), { items: await photos('a', 'b') });
		expect(tooMany.error!.message).toBe('Effect "Earth Zoom Out" (315001) takes 1 input image; got 2');
		expect(posts()).toHaveLength(0);
	});

	it('refuses an unknown template and a photo of the wrong type without sending a generation', async () => {
		const unknown = await session.run(fromEffect({ effect: { __rl: true, mode: 'id', value: '999' } }), { items: await photos('data') });
		expect(unknown.error!.message).toBe('Effect template 999 is not in the PixVerse effects catalog');
		const text = await createInputBinary(Buffer.from('hello'), 'note.txt', 'text/plain');
		session.sim.clearLog();
		const wrongType = await session.run(fromEffect(), { items: [{ json: {}, binary: { data: text } }] });
		expect(wrongType.error!.message).toContain('has type "text/plain", which PixVerse does not accept as an image');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('reads the catalog once for a batch of items', async () => {
		const items = [...(await photos('data')), ...(await photos('data')), ...(await photos('data'))];
		const run = await session.run(fromEffect({ waitMode: 'none' }), { items });
		expect(run.output![0]).toHaveLength(3);
		expect(session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/videos/effects'))).toHaveLength(1);
		expect(generationPosts()).toHaveLength(3);
	});

	it('an image effect (template_type 2) ends with the still image: image_id, image_url and the PNG as binary', async () => {
		const run = await session.run(fromEffect({ effect: { __rl: true, mode: 'id', value: '315007' }, binaryProperty: 'still' }), { items: await photos('data') });
		expect(run.error).toBeUndefined();
		const [item] = run.output![0];
		expect(item.json.image_id).toMatch(/^user:1-pixverse:demo@example\.com-image:\d+$/);
		expect(item.json).toMatchObject({ result_type: 'image', image_status_name: 'COMPLETED', video_id: item.json.image_id });
		expect(item.json.image_url).toMatch(/\/media\/\d+\.png$/);
		expect(item.binary!.still).toMatchObject({ mimeType: 'image/png', fileName: expect.stringMatching(/^pixverse-image-\d+\.png$/) });
		const polls = session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.includes('-image:'));
		expect(polls.every((entry) => entry.path.startsWith('/v2/pixverse/images/'))).toBe(true);
		expect(polls.length).toBeGreaterThan(0);
	});

	it('an image effect without waiting outputs its image_id, which Video > Get reads and downloads later', async () => {
		const run = await session.run(fromEffect({ effect: { __rl: true, mode: 'id', value: '315007' }, waitMode: 'none' }), { items: await photos('data') });
		const imageId = run.output![0][0].json.image_id as string;
		expect(run.output![0][0].json).toMatchObject({ image_id: expect.stringMatching(/-image:\d+$/), video_status_name: 'SUBMITTED' });

		await waitUntilFinal(session.sim, imageId);
		const get = await session.run({ resource: 'video', operation: 'get', videoId: imageId, download: true, binaryProperty: 'still' });
		expect(get.error).toBeUndefined();
		expect(get.output![0][0].json).toMatchObject({ image_id: imageId, image_status_name: 'COMPLETED', video_status_final: true });
		expect(get.output![0][0].binary!.still.mimeType).toBe('image/png');
		expect(session.apiRequests().some((entry) => entry.path === `/v2/pixverse/images/${imageId}`)).toBe(true);
	});
});
