/** Image → Create, Get, Get Many and Delete in n8n-core's real execute() context against the simulator: the video runtime, with images. */
import { simulatorSession } from '../simulatorSession';
import { imageCreate, musicCreate, speechCreate } from '../simulatorMedia';

describe('Image', () => {
	const session = simulatorSession();
	const posts = (path: string) => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path === `/v2/pixverse/${path}`);
	const made = async (parameters: Parameters<typeof session.run>[0], idField: string) => {
		const run = await session.run(parameters);
		expect(run.error).toBeUndefined();
		return String(run.output![0][0].json[idField]);
	};

	it('makes an image, waits for it and puts out the PNG with its type and name', async () => {
		const run = await session.run(imageCreate());
		expect(run.error).toBeUndefined();
		expect(posts('images/create').map((entry) => entry.body)).toEqual([
			expect.objectContaining({ prompt: 'A lighthouse on a cliff at dusk, oil painting', model: 'qwen-image', quality: '720p', aspect_ratio: '16:9', replyRef: expect.any(String) }),
		]);
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ image_id: expect.stringMatching(/-image:\d+$/), result_type: 'image', video_status_name: 'COMPLETED', image_status_final: true });
		expect(item.json.video_id).toBe(item.json.image_id);
		const number = /-image:(\d+)$/.exec(String(item.json.image_id))![1];
		expect(item.binary!.data).toMatchObject({ mimeType: 'image/png', fileName: `pixverse-image-${number}.png`, fileExtension: 'png' });
		const bytes = await run.readBinary(item, 'data');
		expect(bytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
		expect(session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/images/user')).length).toBeGreaterThanOrEqual(1);
	});

	it('an Idempotency Key adopts the image an earlier run made: nothing is sent or charged again', async () => {
		const first = await session.run(imageCreate({ download: false, options: { idempotencyKey: 'thumb-row-1' } }));
		expect(first.error).toBeUndefined();
		const again = await session.run(imageCreate({ download: false, options: { idempotencyKey: 'thumb-row-1' } }));
		expect(again.error).toBeUndefined();
		expect(posts('images/create')).toHaveLength(1);
		expect(again.output![0][0].json).toMatchObject({ image_id: first.output![0][0].json.image_id, reused: true, cost_credits: 0 });
		expect(session.apiRequests().some((entry) => entry.method === 'GET' && entry.path.split('?')[0] === '/v2/pixverse/images')).toBe(true);
	});

	it('Get reads each kind at its own endpoint and downloads the file on request', async () => {
		const imageId = await made(imageCreate({ download: false }), 'image_id');
		const musicId = await made(musicCreate({ download: false }), 'audio_id');
		session.sim.clearLog();
		const image = (await session.run({ resource: 'image', operation: 'get', imageId, download: true })).output![0][0];
		const music = (await session.run({ resource: 'music', operation: 'get', audioId: musicId, download: false })).output![0][0];
		expect(session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/')).map((entry) => entry.path.split('/').slice(3, 4)[0])).toEqual(['images', 'music']);
		expect(image.json).toMatchObject({ image_id: imageId, video_status_name: 'COMPLETED' });
		expect(image.binary!.data.mimeType).toBe('image/png');
		expect(music.json).toMatchObject({ audio_id: musicId, result_type: 'music', video_status_name: 'COMPLETED' });
		expect(music.binary).toBeUndefined();
	});

	it('Get refuses the id of another kind before any request', async () => {
		const speechId = await made(speechCreate({ download: false }), 'audio_id');
		session.sim.clearLog();
		const run = await session.run({ resource: 'image', operation: 'get', imageId: speechId }, { continueOnFail: true });
		expect(session.apiRequests()).toHaveLength(0);
		expect(run.output![0][0].json.error).toBe(`Image ID ${JSON.stringify(speechId)} is not the ID of an image; allowed: the image_id of an image, ending in -image:<number>`);
	});

	it('Get Many of images filters on the replyRef', async () => {
		await made(imageCreate({ download: false, options: { replyRef: 'thumb-1' } }), 'image_id');
		const second = await made(imageCreate({ download: false, options: { replyRef: 'thumb-2' } }), 'image_id');
		const run = await session.run({ resource: 'image', operation: 'list', returnAll: true, filters: { replyRef: 'thumb-2' } });
		expect(run.output![0].map((item) => item.json.image_id)).toEqual([second]);
	});

	it('Delete removes an image; Get then says it is gone', async () => {
		const imageId = await made(imageCreate({ download: false }), 'image_id');
		const deleted = await session.run({ resource: 'image', operation: 'delete', imageId });
		expect(deleted.output![0][0].json).toEqual({ image_id: imageId, deleted: true });
		expect(session.apiRequests().some((entry) => entry.method === 'DELETE' && entry.path.endsWith(imageId))).toBe(true);
		const after = (await session.run({ resource: 'image', operation: 'get', imageId })).output![0][0];
		expect(after.json).toMatchObject({ image_id: imageId, video_status_name: 'FAILED', error: 'The image was deleted or is unknown' });
	});

	it('Estimate Credits prices an image from the published table, says "unknown" where none is published, and sends nothing', async () => {
		const priced = (await session.run({ resource: 'image', operation: 'estimateCredits', model: 'nano-banana-2', quality: '1440p' })).output![0][0].json;
		const unpriced = (await session.run({ resource: 'image', operation: 'estimateCredits', model: 'gpt-image-2.0', quality: '1080p', detailLevel: 'high' })).output![0][0].json;
		const refused = await session.run({ resource: 'image', operation: 'estimateCredits', model: 'seedream-4.5', quality: '1080p' }, { continueOnFail: true });
		expect(priced).toMatchObject({ estimate_for: 'image', model: 'nano-banana-2', quality: '1440p', credits: 40, known: true, budget_credits: 40 });
		expect(unpriced).toMatchObject({ estimate_for: 'image', model: 'gpt-image-2.0', credits: null, known: false, budget_credits: null, basis: expect.stringContaining('No credit price is published for image model "gpt-image-2.0"') });
		expect(refused.output![0][0].json.error).toBe('Quality "1080p" is not available on model "seedream-4.5"; allowed: "1440p", "2160p"');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('Image Count makes several images in one request, each its own item right after its input item, paired with it', async () => {
		const run = await session.run(imageCreate({ prompt: '={{ $json.prompt }}', imageCount: '={{ $json.count }}' }), {
			items: [{ json: { prompt: 'a lighthouse', count: 3 } }, { json: { prompt: 'a harbour', count: 1 } }],
		});
		expect(run.error).toBeUndefined();
		expect(posts('images/create').map((entry) => [entry.body!.prompt, entry.body!.create_count])).toEqual([
			['a lighthouse', 3],
			['a harbour', undefined],
		]);
		const output = run.output![0];
		expect(output.map((item) => [item.json.prompt, item.pairedItem])).toEqual([
			['a lighthouse', { item: 0 }],
			['a lighthouse', { item: 0 }],
			['a lighthouse', { item: 0 }],
			['a harbour', { item: 1 }],
		]);
		expect(new Set(output.map((item) => item.json.image_id)).size).toBe(4);
		for (const item of output) expect(item.json.video_status_name).toBe('COMPLETED');
		for (const item of output) expect((await run.readBinary(item, 'data')).subarray(1, 4).toString('latin1')).toBe('PNG');
	});

	it("Image Count with Don't Wait puts out every image ID", async () => {
		const run = await session.run(imageCreate({ waitMode: 'none', imageCount: 2 }));
		expect(run.output![0].map((item) => [item.json.image_id, item.json.video_status_name])).toEqual([
			[expect.stringMatching(/-image:\d+$/), 'SUBMITTED'],
			[expect.stringMatching(/-image:\d+$/), 'SUBMITTED'],
		]);
		expect(run.output![0][0].json.image_id).not.toBe(run.output![0][1].json.image_id);
	});

	it('refuses Image Count above 1 with Resume When PixVerse Calls Back or an Idempotency Key, before sending anything', async () => {
		const parked = await session.run(imageCreate({ waitMode: 'callback', imageCount: 2 }));
		const keyed = await session.run(imageCreate({ imageCount: 2, options: { idempotencyKey: 'thumb-1' } }));
		expect(parked.error!.message).toBe('Image Count 2 cannot go with "Resume When PixVerse Calls Back"; allowed: 1 (send one item per image instead)');
		expect(keyed.error!.message).toBe('Image Count 2 cannot go with an Idempotency Key; allowed: 1 (send one item per image instead)');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('takes reference images from URLs: downloads each (no API token sent) and uploads it, in order', async () => {
		const first = await session.run(imageCreate({ download: false }));
		const url = String(first.output![0][0].json.url);
		session.sim.clearLog();
		const run = await session.run(imageCreate({ download: false, referenceImagesSource: 'url', referenceImagesUrls: `${url}, ${url}` }));
		expect(run.error).toBeUndefined();
		const mediaGets = session.sim.log().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/media/'));
		expect(mediaGets.map((entry) => entry.authorized)).toEqual([false, false]);
		const [create] = posts('images/create');
		expect(create.body).toMatchObject({ image_path_1: expect.stringMatching(/^upload\//), image_path_2: expect.stringMatching(/^upload\//) });
		expect(session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/files')).map((entry) => entry.contentType)).toEqual(['image/png', 'image/png']);
	});

	it('refuses a reference URL that is not http(s) before sending anything, and one inside the network when downloading, without creating', async () => {
		const notHttp = await session.run(imageCreate({ referenceImagesSource: 'url', referenceImagesUrls: 'file:///etc/passwd' }));
		expect(notHttp.error!.message).toBe('"Reference Images" has "file:///etc/passwd", which is not an http(s) URL; allowed: public http:// or https:// URLs');
		expect(session.apiRequests()).toHaveLength(0);
		const internal = await session.run(imageCreate({ referenceImagesSource: 'url', referenceImagesUrls: 'http://10.1.2.3/a.png' }), { continueOnFail: true });
		expect(String(internal.output![0][0].json.error)).toContain('10.1.2.3 is');
		expect(posts('images/create')).toHaveLength(0);
	});
});
