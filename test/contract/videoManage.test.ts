import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { simulatorSession } from './simulatorSession';
import { submitVideo, waitUntilFinal } from './simulatorVideos';

const MP4_BYTES = 120_000;

describe('Video > List, Download and Delete against the simulator', () => {
	const session = simulatorSession({ mp4Bytes: MP4_BYTES });
	const listRequests = () => session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/videos?'));
	const query = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

	async function submitMany(count: number): Promise<string[]> {
		await session.sim.configure({ renderMs: 1 });
		const ids: string[] = [];
		for (let index = 0; index < count; index++) ids.push(await submitVideo(session.sim, { prompt: `clip ${index}` }));
		session.sim.clearLog();
		return ids;
	}

	describe('List', () => {
		it('returns up to Limit videos, newest first, asking for no more than needed', async () => {
			const ids = await submitMany(5);
			const run = await session.run({ resource: 'video', operation: 'list', returnAll: false, limit: 3 });
			expect(run.error).toBeUndefined();
			expect(run.output![0].map((item) => item.json.video_id)).toEqual(ids.slice(2).reverse());
			expect(run.output![0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(listRequests().map((entry) => query(entry.path))).toEqual([{ limit: '3', offset: '0' }]);
		});

		it('pages through offsets with Return All until a short page', async () => {
			const ids = await submitMany(45);
			const run = await session.run({ resource: 'video', operation: 'list', returnAll: true });
			expect(run.output![0].map((item) => item.json.video_id)).toEqual([...ids].reverse());
			expect(listRequests().map((entry) => query(entry.path))).toEqual([
				{ limit: '40', offset: '0' },
				{ limit: '40', offset: '40' },
			]);
		});

		it('asks the last page only for what the Limit still needs', async () => {
			await submitMany(45);
			const run = await session.run({ resource: 'video', operation: 'list', returnAll: false, limit: 42 });
			expect(run.output![0]).toHaveLength(42);
			expect(listRequests().map((entry) => query(entry.path))).toEqual([
				{ limit: '40', offset: '0' },
				{ limit: '2', offset: '40' },
			]);
		});

		it('lists videos still rendering with their status', async () => {
			await session.sim.configure({ renderMs: 60_000 });
			const videoId = await submitVideo(session.sim);
			const run = await session.run({ resource: 'video', operation: 'list', returnAll: true });
			expect(run.output![0][0].json).toMatchObject({ video_id: videoId, video_status_final: false });
		});

		it('needs the account when several are configured, and reads that account', async () => {
			await session.sim.reset({
				renderMs: 1,
				accounts: [
					{ email: 'first@example.com', maxJobs: 2, credits: 1000 },
					{ email: 'second@example.com', maxJobs: 2, credits: 1000 },
				],
			});
			const videoId = await submitVideo(session.sim, { email: 'second@example.com' });
			const without = await session.run({ resource: 'video', operation: 'list', returnAll: true });
			expect(without.error).toBeInstanceOf(NodeApiError);
			expect((without.error as NodeApiError).description).toContain('email is required');

			const run = await session.run({ resource: 'video', operation: 'list', account: 'second@example.com', returnAll: true });
			expect(run.output![0].map((item) => item.json.video_id)).toEqual([videoId]);
			expect(query(listRequests().at(-1)!.path).email).toBe('second@example.com');
		});
	});

	describe('Download', () => {
		it('streams the MP4 of a finished video into the binary field', async () => {
			const videoId = await submitVideo(session.sim);
			await waitUntilFinal(session.sim, videoId);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'clip' });
			expect(run.error).toBeUndefined();
			const [item] = run.output![0];
			expect(item.json).toMatchObject({ video_id: videoId, video_status_name: 'COMPLETED' });
			expect(item.binary!.clip).toMatchObject({ mimeType: 'video/mp4', fileName: expect.stringMatching(/^pixverse-\d+\.mp4$/) });
			expect(item.binary!.clip.id).toBeDefined();
			expect((await run.readBinary(item, 'clip')).length).toBe(MP4_BYTES);
		});

		it('says a video still rendering cannot be downloaded yet, naming it (404 reading)', async () => {
			await session.sim.configure({ renderMs: 60_000 });
			const videoId = await submitVideo(session.sim);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'data' });
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe(`Video ${videoId} cannot be downloaded: its status is PROCESSING`);
			expect((run.error as NodeOperationError).description).toContain('answers 404 while a video renders');
		});

		it('names the status of an unfinished video when the API answers 200 while rendering', async () => {
			await session.sim.configure({ renderMs: 60_000, pendingGet: '200' });
			const videoId = await submitVideo(session.sim);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'data' });
			expect(run.error!.message).toMatch(new RegExp(`^Video ${videoId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be downloaded: its status is (QUEUED|GENERATING)$`));
		});

		it('refuses a moderated video and keeps its id in the error item', async () => {
			const videoId = await submitVideo(session.sim, { prompt: 'a scene [moderate]' });
			await waitUntilFinal(session.sim, videoId);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'data' }, { continueOnFail: true });
			expect(run.output![0][0].json.error).toBe(`Video ${videoId} cannot be downloaded: its status is MODERATED`);
			expect(session.apiRequests().some((entry) => entry.path.startsWith('/media/'))).toBe(false);
		});
	});

	describe('Delete', () => {
		it('deletes a video and reports it', async () => {
			const videoId = await submitVideo(session.sim);
			const run = await session.run({ resource: 'video', operation: 'delete', videoId });
			expect(run.output![0][0].json).toEqual({ video_id: videoId, deleted: true });
			const request = session.apiRequests().find((entry) => entry.method === 'DELETE');
			expect(request).toMatchObject({ method: 'DELETE', path: `/v2/pixverse/videos/${videoId}`, status: 204 });
			expect((session.sim.state().jobs as unknown[]).length).toBe(0);
		});

		it('accepts a 200 answer as well as a 204', async () => {
			const videoId = await submitVideo(session.sim);
			session.sim.addFault({ method: 'DELETE', path: '/videos/', kind: 'status', status: 200, body: { deleted: videoId }, phase: 'after' });
			const run = await session.run({ resource: 'video', operation: 'delete', videoId });
			expect(run.output![0][0].json).toEqual({ video_id: videoId, deleted: true });
		});

		it('reports an unknown video as not found, per item under continueOnFail', async () => {
			const known = await submitVideo(session.sim);
			const unknown = 'user:1-pixverse:demo@example.com-video:999999';
			const run = await session.run({ resource: 'video', operation: 'delete', videoId: '={{ $json.id }}' }, {
				items: [{ json: { id: unknown } }, { json: { id: known } }],
				continueOnFail: true,
			});
			const [missing, deleted] = run.output![0];
			expect(missing.json.error).toBe(`Not found (${unknown})`);
			expect(missing.pairedItem).toEqual({ item: 0 });
			expect(deleted.json).toEqual({ video_id: known, deleted: true });
		});
	});
});
