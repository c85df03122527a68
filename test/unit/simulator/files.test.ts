import { Readable } from 'node:stream';
import { call, create, EMAIL, useSimulator } from './helpers';

describe('simulator: POST /files', () => {
	const sim = useSimulator();

	it('answers an image upload with result[0].path under upload/', async () => {
		const response = await call(sim(), 'POST', `/v2/pixverse/files?email=${EMAIL}`, Buffer.alloc(1234, 1), { contentType: 'image/jpeg' });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			result: [
				{
					id: expect.any(Number),
					url: expect.stringContaining('/media/upload/'),
					path: expect.stringMatching(/^upload\/[0-9a-f-]{36}\.jpg$/),
					size: 1234,
					name: expect.stringMatching(/\.jpg$/),
					category: 0,
					err_msg: '',
				},
			],
		});
		const i2v = await create(sim(), { prompt: 'p', first_frame_path: response.body.result[0].path });
		expect(i2v.status).toBe(200);
	});

	it.each([
		['video/quicktime', /^upload\/.+\.mov$/],
		['video/MP2T', /^upload\/.+\.ts$/],
		['audio/mpeg', /^upload\/.+\.mp3$/],
	])('answers a %s upload with {path, url}', async (contentType, pathPattern) => {
		const response = await call(sim(), 'POST', '/v2/pixverse/files', Buffer.alloc(10), { contentType });
		expect(response.status).toBe(200);
		expect(Object.keys(response.body).sort()).toEqual(['path', 'url']);
		expect(response.body.path).toMatch(pathPattern);
	});

	it('refuses a content type outside the list, naming it and the allowed ones', async () => {
		const response = await call(sim(), 'POST', '/v2/pixverse/files', Buffer.alloc(10), { contentType: 'application/pdf' });
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('Content-Type application/pdf is not supported');
		expect(response.body.error).toContain('image/png');
		expect(response.body.error).toContain('video/MP2T');
		expect(response.body.error).toContain('audio/wave');
	});

	it('counts a streamed upload without keeping it', async () => {
		const chunk = Buffer.alloc(1024 * 1024, 7);
		const chunks = 64;
		const body = Readable.from((function* () {
			for (let index = 0; index < chunks; index++) yield chunk;
		})());
		const response = await fetch(`${sim().url}/v2/pixverse/files`, {
			method: 'POST',
			headers: { Authorization: 'Bearer sim-token', 'Content-Type': 'video/mp4' },
			body: Readable.toWeb(body) as ReadableStream,
			duplex: 'half',
		} as RequestInit);
		expect(response.status).toBe(200);
		const entry = sim().log().find((logged) => logged.path.startsWith('/v2/pixverse/files'));
		expect(entry).toMatchObject({ bodyBytes: chunks * chunk.length, contentType: 'video/mp4', status: 200 });
		expect(entry?.body).toBeUndefined();
	});

	it('needs ?email= once several accounts are configured', async () => {
		sim().reset({ accounts: [{ email: EMAIL, maxJobs: 1, credits: 1 }, { email: 'b@example.com', maxJobs: 1, credits: 1 }] });
		const response = await call(sim(), 'POST', '/v2/pixverse/files', Buffer.alloc(10), { contentType: 'image/png' });
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('email is required');
	});
});
