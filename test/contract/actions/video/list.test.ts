import { NodeApiError } from 'n8n-workflow';

import { simulatorSession, textToVideo } from '../../simulatorSession';
import { submitVideo } from '../../simulatorVideos';

const MP4_BYTES = 120_000;

describe('Video → Get Many, Download and Delete against the simulator', () => {
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

		it('filters by replyRef exactly, reading on until Limit videos match', async () => {
			await session.sim.configure({ renderMs: 1 });
			const refs = Array.from({ length: 45 }, (_, index) => (index % 10 === 0 ? 'sheet-a' : `sheet-a-${index}`));
			const ids: string[] = [];
			for (const replyRef of refs) ids.push(await submitVideo(session.sim, { replyRef }));
			session.sim.clearLog();
			const run = await session.run({ resource: 'video', operation: 'list', returnAll: false, limit: 5, filters: { replyRef: 'sheet-a' } });
			expect(run.error).toBeUndefined();
			expect(run.output![0].map((item) => item.json.video_id)).toEqual([40, 30, 20, 10, 0].map((index) => ids[index]));
			expect(listRequests().map((entry) => query(entry.path))).toEqual([
				{ limit: '40', offset: '0' },
				{ limit: '40', offset: '40' },
			]);
		});

		it("finds every video an execution started without a reference of the user's, by the prefix n8n-execution-<id>-*", async () => {
			const started = await session.run(textToVideo({ prompt: '={{ $json.prompt }}', waitMode: 'none' }), { items: [{ json: { prompt: 'one' } }, { json: { prompt: 'two' } }] });
			await submitVideo(session.sim, { replyRef: 'n8n-execution-other' });
			await submitVideo(session.sim);
			const { executionId } = started.harness;
			const run = await session.run({ resource: 'video', operation: 'list', returnAll: true, filters: { replyRef: `n8n-execution-${executionId}-*` } });
			expect(run.output![0].map((item) => item.json.video_id).sort()).toEqual(started.output![0].map((item) => item.json.video_id).sort());
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
});
