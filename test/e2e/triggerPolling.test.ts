/**
 * The PixVerse Trigger in polling mode in a real n8n server with the packed package: a video
 * finishing starts exactly one run, and the next poll starts none. n8n polls at most once a minute
 * per Poll Time, so the example runs here with four Poll Times, one each quarter of a minute (as a
 * user may add them in the editor); it is a file of its own so that it waits beside the other files.
 */
import type { IDataObject } from 'n8n-workflow';
import { exampleWorkflow, readWorkflow } from '../../scripts/n8n';
import { n8nExecutions, nodeOutputJson, useN8nTestEnvironment, waitFor } from './helpers';

/** The example, polling at seconds 0, 15, 30 and 45 of every minute. */
function pollingEachQuarterMinute() {
	const workflow = readWorkflow(exampleWorkflow('poll-finished-videos'));
	const trigger = (workflow.nodes as Array<{ type: string; parameters: IDataObject }>).find((node) => node.type.endsWith('.pixVerseTrigger'))!;
	trigger.parameters.pollTimes = { item: [0, 15, 30, 45].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
	return workflow;
}

describe('PixVerse Trigger in a real n8n: polling mode', () => {
	const n8n = useN8nTestEnvironment({
		workflows: [pollingEachQuarterMinute()],
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

		const [execution] = await waitFor(
			'the polled workflow to finish',
			async () => {
				const list = await executions.list('pvPollFinishedVideos');
				return list.length && list.every((entry) => entry.status === 'success') ? list : undefined;
			},
			90_000,
		);
		expect(execution.mode).toBe('trigger');
		const finished = await executions.get(execution.id);
		expect(nodeOutputJson(finished, 'Finished Video')).toEqual([
			{ video_id: videoId, event: 'completed', status: 'COMPLETED', url: expect.stringMatching(/\.mp4$/), model: 'v5.6', replyRef: 'polled' },
		]);

		// Two more polls: a run the first of them started would be listed by the end of the second.
		const seen = listings().length;
		await waitFor('two more polls', async () => (listings().length > seen + 1 ? true : undefined), 60_000);
		expect(await executions.list('pvPollFinishedVideos')).toHaveLength(1);
	});
});
