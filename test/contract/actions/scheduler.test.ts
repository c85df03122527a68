import { NodeApiError } from 'n8n-workflow';

import { simulatorSession } from '../simulatorSession';
import { submitVideo } from '../simulatorVideos';

describe('Scheduler operations against the simulator', () => {
	const session = simulatorSession({
		renderMs: 60_000,
		accounts: [
			{ email: 'first@example.com', maxJobs: 3, credits: 100000 },
			{ email: 'second@example.com', maxJobs: 2, credits: 100000 },
		],
	});

	it('lists the running jobs, one item each', async () => {
		const first = await submitVideo(session.sim, { email: 'first@example.com', replyRef: 'row-1' });
		const second = await submitVideo(session.sim, { email: 'second@example.com' });
		const run = await session.run({ resource: 'scheduler', operation: 'listRunning' });
		expect(run.error).toBeUndefined();
		const jobs = run.output![0].map((item) => item.json);
		expect(jobs.map((job) => job.id)).toEqual([first, second]);
		expect(jobs[0]).toMatchObject({ type: 'video', replyRef: 'row-1', elapsed: expect.stringMatching(/^\d\d:\d\d$/) });
	});

	it('reads the Dec 2024 shape (videoId) as id and type', async () => {
		const videoId = 'user:1-pixverse:first@example.com-video:77';
		session.sim.addFault({ method: 'GET', path: '/scheduler', kind: 'status', status: 200, body: [{ videoId, started: '2024-12-01T00:00:00Z', elapsed: '00:40' }] });
		const run = await session.run({ resource: 'scheduler', operation: 'listRunning' });
		expect(run.output![0].map((item) => item.json)).toEqual([{ id: videoId, type: 'video', started: '2024-12-01T00:00:00Z', elapsed: '00:40' }]);
	});

	it('gives one item per account with its free slots', async () => {
		await submitVideo(session.sim, { email: 'first@example.com' });
		const run = await session.run({ resource: 'scheduler', operation: 'getAvailable' });
		expect(run.output![0].map((item) => item.json)).toEqual([
			{ email: 'first@example.com', maxJobs: 3, executing: 1, available: 2 },
			{ email: 'second@example.com', maxJobs: 2, executing: 0, available: 2 },
		]);
	});

	it('releases a slot: the job no longer counts, and the video keeps rendering', async () => {
		const videoId = await submitVideo(session.sim, { email: 'second@example.com' });
		const run = await session.run({ resource: 'scheduler', operation: 'release', jobId: videoId });
		expect(run.output![0][0].json).toEqual({ id: videoId, released: true });
		expect(session.apiRequests().find((entry) => entry.method === 'DELETE')!.path).toBe(`/v2/pixverse/scheduler/${videoId}`);

		const slots = await session.run({ resource: 'scheduler', operation: 'getAvailable' });
		expect(slots.output![0][1].json).toMatchObject({ email: 'second@example.com', executing: 0, available: 2 });
		const jobs = session.sim.state().jobs as Array<{ video_id: string; video_status_final: boolean }>;
		expect(jobs.find((job) => job.video_id === videoId)!.video_status_final).toBe(false);
	});

	it('reports a job that is not running', async () => {
		const jobId = 'user:1-pixverse:first@example.com-video:424242';
		const run = await session.run({ resource: 'scheduler', operation: 'release', jobId });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error!.message).toBe(`Not found (${jobId})`);
		expect((run.error as NodeApiError).description).toContain(`Unable to locate running ${jobId}`);
	});
});
