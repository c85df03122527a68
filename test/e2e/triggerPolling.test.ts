/**
 * The PixVerse Trigger in polling mode in a real n8n server with the packed package: a video
 * finishing starts exactly one run. n8n polls at most once a minute, so this waits for two polls;
 * it is a file of its own so that it waits beside the other files.
 */
import { n8nExecutions, nodeOutputJson, useN8nTestEnvironment, waitFor } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PixVerse Trigger in a real n8n: polling mode', () => {
	const n8n = useN8nTestEnvironment({
		workflows: ['poll-finished-videos'],
		simulator: { renderMs: 500 },
		server: { publish: ['pvPollFinishedVideos'] },
		shared: true,
	});
	const listings = () => n8n.simulator.log().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/videos?'));

	it('a video finishing in the simulator starts exactly one run, and the next poll starts none', async () => {
		const executions = await n8nExecutions(n8n.server!.url);
		expect(listings().length).toBeGreaterThanOrEqual(1); // the baseline read at activation

		const response = await fetch(`${n8n.simulator.url}/v2/pixverse/videos/create`, {
			method: 'POST',
			headers: { Authorization: 'Bearer sim-token', 'Content-Type': 'application/json' },
			body: JSON.stringify({ prompt: 'A hot air balloon over a canyon', model: 'v5.6', replyRef: 'polled' }),
		});
		const { video_id: videoId } = (await response.json()) as { video_id: string };

		// Polls run every minute.
		const [execution] = await waitFor(
			'the polled workflow to finish',
			async () => {
				const list = await executions.list('pvPollFinishedVideos');
				return list.length && list.every((entry) => entry.status === 'success') ? list : undefined;
			},
			150_000,
		);
		expect(execution.mode).toBe('trigger');
		const finished = await executions.get(execution.id);
		expect(nodeOutputJson(finished, 'Finished Video')).toEqual([
			{ video_id: videoId, event: 'completed', status: 'COMPLETED', url: expect.stringMatching(/\.mp4$/), model: 'v5.6', replyRef: 'polled' },
		]);

		const seen = listings().length;
		await waitFor('another poll', async () => (listings().length > seen ? true : undefined), 90_000);
		await sleep(2000);
		expect(await executions.list('pvPollFinishedVideos')).toHaveLength(1);
	});
});
