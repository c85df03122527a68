import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { createInputBinary, listSearch } from './harness';
import { simulatorSession, TOKEN, GENERATED_REFERENCE } from './simulatorSession';

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

		await new Promise((resolve) => setTimeout(resolve, 500));
		const get = await session.run({ resource: 'video', operation: 'get', videoId: imageId, download: true, binaryProperty: 'still' });
		expect(get.error).toBeUndefined();
		expect(get.output![0][0].json).toMatchObject({ image_id: imageId, image_status_name: 'COMPLETED', video_status_final: true });
		expect(get.output![0][0].binary!.still.mimeType).toBe('image/png');
		expect(session.apiRequests().some((entry) => entry.path === `/v2/pixverse/images/${imageId}`)).toBe(true);
	});
});

describe('Effect > List and the effect picker against the simulator', () => {
	const session = simulatorSession();
	const credentials = () => ({ useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } });
	const list = (extra: INodeParameters = {}) => session.run({ resource: 'effect', operation: 'list', returnAll: true, ...extra });

	it('lists every template with its total credit cost', async () => {
		const run = await list();
		const items = run.output![0];
		expect(items.length).toBe(7);
		const hug = items.find((item) => item.json.template_id === 315002)!;
		expect(hug.json).toMatchObject({ display_name: 'Warm Hug', effect_type: '2', video_base_cost: 30, fixed_cost: 10, total_cost: 40 });
		expect(hug.pairedItem).toEqual({ item: 0 });
	});

	it('filters by name (contains, any case), effect type and result, and honours Limit', async () => {
		const byName = await list({ filters: { name: 'HUG' } });
		expect(byName.output![0].map((item) => item.json.display_name)).toEqual(['Warm Hug']);
		const byType = await list({ filters: { effectType: '1' } });
		expect(byType.output![0].map((item) => item.json.template_id)).toEqual([315001, 315004, 315007]);
		const stills = await list({ filters: { result: 'image' } });
		expect(stills.output![0].map((item) => item.json.template_id)).toEqual([315007]);
		const limited = await list({ returnAll: false, limit: 2 });
		expect(limited.output![0]).toHaveLength(2);
	});

	it('the picker searches by name and describes type, result, duration, qualities and cost', async () => {
		const all = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), parameters: { resource: 'video', operation: 'createFromEffect' } });
		expect(all.results).toHaveLength(7);
		const found = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), filter: 'venom' });
		expect(found.results).toEqual([
			{ name: 'Venom Transformation', value: '315004', description: 'Type 1 (1 image) · video · 8 s · 540p/720p/1080p · 35 credits', url: undefined },
		]);
		const family = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), filter: 'family' });
		expect(family.results[0].description).toBe('Type 5 (2-5 images) · video · 5 s · 360p/540p/720p/1080p · 60 credits');
		const still = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), filter: 'polaroid' });
		expect(still.results[0].description).toContain('still image');
	});

	it('asks for the catalog of the chosen account, or of the first account when several are configured', async () => {
		session.sim.configure({ accounts: [{ email: 'one@example.com', maxJobs: 2, credits: 1000 }, { email: 'two@example.com', maxJobs: 2, credits: 1000 }] });
		await list();
		await list({ account: 'two@example.com' });
		const emails = session.apiRequests()
			.filter((entry) => entry.path.startsWith('/v2/pixverse/videos/effects'))
			.map((entry) => new URL(entry.path, session.sim.url).searchParams.get('email'));
		expect(emails).toEqual(['one@example.com', 'two@example.com']);
	});
});
