/** Image, Speech and Music → Get, Get Many and (images) Delete against the simulator. */
import { simulatorSession } from '../../simulatorSession';
import { imageCreate, musicCreate, speechCreate } from '../../simulatorMedia';

describe('Image, Speech and Music → Get, Get Many, Delete', () => {
	const session = simulatorSession();
	const made = async (parameters: Parameters<typeof session.run>[0], idField: string) => {
		const run = await session.run(parameters);
		expect(run.error).toBeUndefined();
		return String(run.output![0][0].json[idField]);
	};

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

	it('Get Many of music leaves out the speech clips the music list also holds; Get Many of speech lists speech', async () => {
		const speechId = await made(speechCreate({ download: false }), 'audio_id');
		const musicId = await made(musicCreate({ download: false }), 'audio_id');
		const music = (await session.run({ resource: 'music', operation: 'list', returnAll: true })).output![0];
		const speech = (await session.run({ resource: 'speech', operation: 'list', returnAll: true })).output![0];
		expect(music.map((item) => item.json.audio_id)).toEqual([musicId]);
		expect(speech.map((item) => item.json.audio_id)).toEqual([speechId]);
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
});
