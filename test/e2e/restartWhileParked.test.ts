/**
 * n8n stops while an execution waits for PixVerse callbacks, and starts again: the execution is
 * still parked in the database, and the callbacks (kept by the simulator while n8n was down, as a
 * sender queues them) resume it. Every accepted id comes out with its MP4, nothing is sent twice.
 */
import { startN8nServer, type N8nServer } from '../../scripts/n8n';
import { binaryContent, binaryMetadata, nodeOutputItems, useN8nTestEnvironment, n8nExecutions, waitFor } from './helpers';

const MP4_BYTES = 100_000;
const SIMULATOR = { renderMs: 2000, mp4Bytes: MP4_BYTES, webhook: { hold: true } };
const WORKFLOW = 'pvResumeOnCallback';
const NODE = 'Render While Parked';

describe('n8n restarted while an execution is parked', () => {
	const n8n = useN8nTestEnvironment({ workflows: ['resume-on-callback'], simulator: SIMULATOR, server: {} });
	let restarted: N8nServer | undefined;

	afterAll(async () => {
		await restarted?.stop();
	});

	it('the callbacks resume the execution after the restart', async () => {
		const { url, port } = n8n.server!;
		const parked = await n8n.executeOk(WORKFLOW, { env: { N8N_WEBHOOK_URL: `${url}/` } });
		expect(parked.status).toBe('waiting');
		const ids = nodeOutputItems(parked, NODE).map((item) => item.json.video_id as string);
		expect(ids).toHaveLength(3);

		await n8n.server!.stop();
		const jobs = () => n8n.simulator.state().jobs as Array<{ video_id: string; video_status_final: boolean }>;
		await waitFor(
			'every video final, its callback kept while n8n is down',
			async () => (jobs().every((job) => job.video_status_final) && n8n.simulator.heldCallbacks() === ids.length ? true : undefined),
			60_000,
		);

		restarted = await startN8nServer(n8n.instance, { port });
		const executions = await n8nExecutions(restarted.url);
		const [waiting] = await executions.list(WORKFLOW);
		expect(waiting.status).toBe('waiting');

		expect(n8n.simulator.releaseCallbacks()).toBe(ids.length);
		const done = await waitFor(
			'the parked execution to finish',
			async () => {
				const [latest] = await executions.list(WORKFLOW);
				return latest.status === 'success' ? latest : undefined;
			},
			90_000,
		);
		expect(done.id).toBe(waiting.id);
		const finished = await executions.get(done.id);
		const runs = finished.data.resultData.runData[NODE];
		const items = nodeOutputItems(finished, NODE, { runIndex: runs.length - 1 });
		expect(items.map((item) => [item.json.video_id, item.json.video_status_name])).toEqual(ids.map((id) => [id, 'COMPLETED']));
		for (const item of items) {
			expect(binaryMetadata(item, 'video').mimeType).toBe('video/mp4');
			expect(binaryContent(n8n.userFolder, item, 'video').length).toBe(MP4_BYTES);
		}
		const creates = n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path === '/v2/pixverse/videos/create');
		expect(creates).toHaveLength(ids.length);
		expect(n8n.simulator.callbacks().filter((callback) => callback.final).map((callback) => callback.status)).toEqual(ids.map(() => 200));
	});
});
