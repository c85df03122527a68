import { simulatorSession, textToVideo } from '../../simulatorSession';

describe('Video > Get against the simulator', () => {
	const session = simulatorSession({ mp4Bytes: 50_000 });

	async function finishedVideoId(): Promise<string> {
		const run = await session.run(textToVideo({ download: false }));
		const videoId = run.output![0][0].json.video_id as string;
		session.sim.clearLog();
		return videoId;
	}

	it('gets a finished video and downloads it on request', async () => {
		const videoId = await finishedVideoId();
		const run = await session.run({ resource: 'video', operation: 'get', videoId, download: true, binaryProperty: 'data' });
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ video_id: videoId, video_status_name: 'COMPLETED' });
		expect((await run.readBinary(item, 'data')).length).toBe(50_000);
	});

	it('says a video is still processing when the API answers 404', async () => {
		await session.sim.configure({ renderMs: 60_000 });
		const submitted = await session.run(textToVideo({ waitMode: 'none' }));
		const videoId = submitted.output![0][0].json.video_id as string;
		const run = await session.run({ resource: 'video', operation: 'get', videoId, download: true });
		expect(run.output![0][0].json).toMatchObject({ video_id: videoId, video_status_name: 'PROCESSING', video_status_final: false });
		expect(run.output![0][0].binary).toBeUndefined();
	});

	it.each([
		['a 503', { kind: 'status', status: 503, times: 2 }],
		['a dropped connection', { kind: 'reset', times: 1 }],
		['malformed JSON', { kind: 'malformed', times: 1 }],
		['a 429 with Retry-After', { kind: 'status', status: 429, retryAfter: 0, times: 2 }],
	])('retries a GET after %s', async (_label, fault) => {
		const videoId = await finishedVideoId();
		session.sim.addFault({ method: 'GET', path: 'pixverse/videos/user', ...(fault as object) } as never);
		const run = await session.run({ resource: 'video', operation: 'get', videoId, download: false });
		expect(run.error).toBeUndefined();
		expect(run.output![0][0].json.video_status_name).toBe('COMPLETED');
		const gets = session.apiRequests().filter((entry) => entry.method === 'GET');
		expect(gets.length).toBe(1 + ((fault as { times: number }).times));
	});
});
