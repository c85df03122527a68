import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createInputBinary } from '../../harness';
import { GENERATED_REFERENCE, simulatorSession, textToVideo, TOKEN } from '../../simulatorSession';
import { imageCreate } from '../../simulatorMedia';

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mM4YVNBU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULAGg+8EwqH+XyAAAAAElFTkSuQmCC',
	'base64',
);
const MP4_BYTES = 300_000;

describe('Video > Create against the simulator', () => {
	const session = simulatorSession({ mp4Bytes: MP4_BYTES });

	it('turns a prompt into a downloaded MP4 in n8n binary storage', async () => {
		const run = await session.run(textToVideo({ audio: true }));
		expect(run.error).toBeUndefined();
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ video_status_name: 'COMPLETED', video_status_final: true, model: 'v6', quality: '720p' });
		expect(item.json.video_id).toMatch(/^user:1-pixverse:demo@example\.com-video:\d+$/);
		expect(item.pairedItem).toEqual({ item: 0 });
		const binary = item.binary!.video;
		expect(binary.mimeType).toBe('video/mp4');
		expect(binary.id).toBeDefined(); // stored by n8n's filesystem binary mode, not as base64 in the item
		const bytes = await run.readBinary(item, 'video');
		expect(bytes.length).toBe(MP4_BYTES);
		expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');

		const posts = session.apiRequests().filter((entry) => entry.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0].path).toBe('/v2/pixverse/videos/create');
		expect(posts[0].body).toEqual({ replyRef: GENERATED_REFERENCE, model: 'v6', prompt: 'A red fox running through snow', quality: '720p', duration: 5, aspect_ratio: '16:9', audio: true });
		const api = session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/'));
		expect(api.every((entry) => entry.authorized)).toBe(true);
		// The MP4 comes from a public media URL: the token is not sent there.
		const media = session.apiRequests().filter((entry) => !entry.path.startsWith('/v2/pixverse/'));
		expect(media).toHaveLength(1);
		expect(media[0].authorized).toBe(false);
	});

	it('puts video ids into URL paths raw, not percent-encoded', async () => {
		const run = await session.run(textToVideo({ download: false }));
		const videoId = run.output![0][0].json.video_id as string;
		const polls = session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/videos/'));
		expect(polls.length).toBeGreaterThan(0);
		for (const poll of polls) expect(poll.path).toBe(`/v2/pixverse/videos/${videoId}`);
	});

	it('uploads an input binary, then animates it without an aspect ratio', async () => {
		const image = await createInputBinary(PNG, 'frame.png', 'image/png');
		const run = await session.run(textToVideo({ imageSource: 'binary', imageBinaryProperty: 'photo', model: 'v5.6', quality: '540p' }), {
			items: [{ json: {}, binary: { photo: image } }],
		});
		expect(run.error).toBeUndefined();
		const [upload, create] = session.apiRequests().filter((entry) => entry.method === 'POST');
		const uploadUrl = new URL(upload.path, session.sim.url);
		expect(uploadUrl.pathname).toBe('/v2/pixverse/files');
		expect(uploadUrl.searchParams.get('email')).toBeNull(); // one account: nothing to name
		expect(upload.contentType).toBe('image/png');
		expect(upload.bodyBytes).toBe(PNG.length);
		expect(create.body).toMatchObject({ model: 'v5.6', quality: '540p' });
		expect(create.body!.first_frame_path).toMatch(/^upload\/.+\.png$/);
		expect(create.body).not.toHaveProperty('aspect_ratio');
		expect(run.output![0][0].binary!.video.mimeType).toBe('video/mp4');
	});

	it('names the first account on the upload when several are configured and none is chosen', async () => {
		await session.sim.reset({ renderMs: 300, accounts: [{ email: 'a@example.com', maxJobs: 2, credits: 100000 }, { email: 'b@example.com', maxJobs: 2, credits: 100000 }] });
		const image = await createInputBinary(PNG, 'frame.png', 'image/png');
		const run = await session.run(textToVideo({ imageSource: 'binary', imageBinaryProperty: 'data', download: false }), {
			items: [{ json: {}, binary: { data: image } }, { json: {}, binary: { data: image } }],
		});
		expect(run.error).toBeUndefined();
		const uploads = session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/files'));
		expect(uploads.map((entry) => new URL(entry.path, session.sim.url).searchParams.get('email'))).toEqual(['a@example.com', 'a@example.com']);
		expect(session.apiRequests().filter((entry) => entry.path === '/v2/pixverse/accounts')).toHaveLength(1);
	});

	it('uses an already uploaded path as the first frame', async () => {
		const run = await session.run(textToVideo({ imageSource: 'path', imagePath: 'upload/not-there.png', download: false }));
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error!.message).toBe('useapi.net rejected the request');
		const create = session.apiRequests().find((entry) => entry.method === 'POST')!;
		expect(create.body!.first_frame_path).toBe('upload/not-there.png');
	});

	it('starts from an image Image → Create made, given by its Image ID: the node downloads and uploads it as the first frame', async () => {
		const image = await session.run(imageCreate({ download: false }));
		const imageId = String(image.output![0][0].json.image_id);
		session.sim.clearLog();
		const run = await session.run(textToVideo({ imageSource: 'result', imageResultId: imageId, download: false }));
		expect(run.error).toBeUndefined();
		const [upload, create] = session.apiRequests().filter((entry) => entry.method === 'POST');
		expect(upload.contentType).toBe('image/png');
		expect(create.body).toMatchObject({ first_frame_path: expect.stringMatching(/^upload\//) });
		expect(create.body).not.toHaveProperty('aspect_ratio');
		expect(session.apiRequests().filter((entry) => entry.method === 'GET').map((entry) => entry.path.split('?')[0])).toEqual(
			expect.arrayContaining([`/v2/pixverse/images/${imageId}`, expect.stringMatching(/^\/media\/\d+\.png$/)]),
		);
	});

	it('refuses an Image ID of another kind before sending anything', async () => {
		const run = await session.run(textToVideo({ imageSource: 'result', imageResultId: 'user:1-pixverse:demo@example.com-speech:3' }));
		expect(run.error!.message).toBe('Image ID "user:1-pixverse:demo@example.com-speech:3" is not the ID of an image; allowed: the image_id of an image made by PixVerse, ending in -image:<number>');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('refuses an invalid combination before sending anything', async () => {
		const run = await session.run(textToVideo({ model: 'v5.6', quality: '1080p', duration: 10 }));
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toBe('Duration 10 s is not available on model "v5.6" at 1080p; allowed: 1 to 8 seconds');
		expect((run.error as NodeOperationError).description).toContain('Nothing was sent to PixVerse');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('refuses an image of a type PixVerse does not take, before sending anything', async () => {
		const text = await createInputBinary(Buffer.from('hello'), 'note.txt', 'text/plain');
		const run = await session.run(textToVideo({ imageSource: 'binary', imageBinaryProperty: 'data' }), { items: [{ json: {}, binary: { data: text } }] });
		expect(run.error!.message).toContain('has type "text/plain"');
		expect(run.error!.message).toContain('image/png, image/jpeg, image/gif, image/webp');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it("returns the id at once with Don't Wait", async () => {
		const run = await session.run(textToVideo({ waitMode: 'none' }));
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ video_status_name: 'SUBMITTED', video_status_final: false });
		expect(item.json.video_id).toBeDefined();
		expect(item.binary).toBeUndefined();
		expect(session.apiRequests().map((entry) => entry.method)).toEqual(['POST']);
	});

	it('hands back a video still rendering at the deadline with its id and last status', async () => {
		await session.sim.configure({ renderMs: 60_000 });
		const run = await session.run(textToVideo({ waitTimeout: 0.05 }));
		expect(run.error).toBeUndefined();
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ timed_out: true, video_status_final: false });
		expect(item.json.video_id).toMatch(/-video:\d+$/);
	});

	it('stops waiting when the user presses Stop', async () => {
		await session.sim.configure({ renderMs: 60_000 });
		const stop = new AbortController();
		const running = session.run(textToVideo({ waitTimeout: 10 }), { abortSignal: stop.signal });
		// Stop while the node waits: once it has checked the video it submitted.
		const checked = () => session.apiRequests().some((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/videos/user'));
		while (!checked()) await new Promise((resolve) => setTimeout(resolve, 20));
		stop.abort();
		const run = await running;
		// The run ended on the Stop, not at the render's end (60 s) or the timeout (10 min): the video still renders.
		const jobs = session.sim.state().jobs as Array<{ video_status_final: boolean }>;
		expect(jobs.map((job) => job.video_status_final)).toEqual([false]);
		expect(run.output?.[0]?.[0]?.json.video_status_name).not.toBe('COMPLETED');
	});

	it('reports a FAILED video as an error naming its id, or as an item under continueOnFail', async () => {
		const failing = textToVideo({ prompt: 'a scene that breaks [fail]' });
		const run = await session.run(failing);
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toMatch(/^Video user:1-pixverse:demo@example\.com-video:\d+ failed/);

		const tolerant = await session.run(failing, { continueOnFail: true });
		const [item] = tolerant.output![0];
		expect(item.json.error).toMatch(/failed/);
		expect(item.json.video_id).toMatch(/-video:\d+$/);
		expect(item.json.video_status_name).toBe('FAILED');
	});

	it('reports a MODERATED video with its id', async () => {
		const run = await session.run(textToVideo({ prompt: 'something [moderate]' }), { continueOnFail: true });
		const [item] = run.output![0];
		expect(item.json.error).toMatch(/was moderated by PixVerse/);
		expect(item.json.video_status_name).toBe('MODERATED');
	});

	it('explains a prompt refused at submit (422) and sends it once', async () => {
		const run = await session.run(textToVideo({ prompt: 'forbidden [reject]' }));
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error!.message).toBe('PixVerse moderated the request');
		expect(session.apiRequests().filter((entry) => entry.method === 'POST')).toHaveLength(1);
	});

	it('explains running out of credits (412)', async () => {
		await session.sim.reset({ renderMs: 300, accounts: [{ email: 'poor@example.com', maxJobs: 2, credits: 1 }] });
		const run = await session.run(textToVideo());
		expect(run.error!.message).toBe('The PixVerse account is out of credits');
		expect((run.error as NodeApiError).description).toContain('All Credits have been used up');
	});

	it('works whether the API answers 404 or 200-not-final while rendering', async () => {
		await session.sim.configure({ pendingGet: '200' });
		const run = await session.run(textToVideo({ download: false }));
		expect(run.output![0][0].json.video_status_name).toBe('COMPLETED');
		const pollStatuses = session.apiRequests().filter((entry) => entry.method === 'GET').map((entry) => entry.status);
		expect(pollStatuses.every((status) => status === 200)).toBe(true);
	});

	it('processes several items, in input order, with pairing', async () => {
		const run = await session.run(textToVideo({ prompt: '={{ $json.prompt }}', download: false }), {
			items: [{ json: { prompt: 'first' } }, { json: { prompt: 'second' } }, { json: { prompt: 'third' } }],
		});
		expect(run.output![0].map((item) => item.json.prompt)).toEqual(['first', 'second', 'third']);
		expect(run.output![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('never puts the API token into an error', async () => {
		const { sim } = session;
		const run = await session.run(textToVideo(), { credentials: { useApiApi: { apiToken: 'user:999-secret-token-value', baseUrl: sim.url } } });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error!.message).toBe('The useapi.net API token was rejected');
		const everything = JSON.stringify({ ...run.error, message: run.error!.message, stack: run.error!.stack, description: (run.error as NodeApiError).description });
		expect(everything).not.toContain('secret-token-value');
		expect(TOKEN).not.toBe('user:999-secret-token-value');
	});
});
