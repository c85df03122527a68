import { simulatorSession } from '../../simulatorSession';
import { submitVideo } from '../../simulatorVideos';

const MP4_BYTES = 120_000;

describe('Video → Get Many, Download and Delete against the simulator', () => {
	const session = simulatorSession({ mp4Bytes: MP4_BYTES });

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
