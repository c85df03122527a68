/**
 * n8n's Retry On Fail re-runs the whole node, so a generating operation with it on would send
 * every item again (accepted, charged ones too). In a real n8n 2.41 the node refuses before
 * sending anything; operations that start nothing keep working with the setting on.
 */
import { readFileSync } from 'node:fs';

import type { WorkflowJson } from '../../scripts/n8n';
import { submitVideo, waitUntilFinal } from '../contract/simulatorVideos';
import { exampleWorkflow, nodeError, nodeOutputJson, useN8nTestEnvironment } from './helpers';

/** An example workflow with Retry On Fail (3 tries, no wait) on every PixVerse node. */
function withRetryOnFail(example: string, id: string): WorkflowJson {
	const workflow = JSON.parse(readFileSync(exampleWorkflow(example), 'utf8')) as WorkflowJson;
	for (const node of workflow.nodes as Array<{ type: string }>) {
		if (node.type.endsWith('.pixVerse')) Object.assign(node, { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });
	}
	return { ...workflow, id, name: `${workflow.name} (Retry On Fail)` };
}

describe('Retry On Fail in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: [withRetryOnFail('text-to-video', 'pvRetryCreate'), withRetryOnFail('list-videos', 'pvRetryList')],
		simulator: { renderMs: 300, mp4Bytes: 20_000 },
		shared: true,
	});

	beforeEach(() => n8n.simulator.clearLog());

	it('a generating operation fails with the reason and sends no generation', async () => {
		const run = await n8n.execute('pvRetryCreate');
		expect(run.ok).toBe(false);
		const error = nodeError(run.result!, 'Text to Video') as { message?: string; description?: string };
		expect(error.message).toBe('Retry On Fail cannot be used with an operation that starts paid videos');
		expect(error.description).toContain('Nothing was sent to PixVerse');
		expect(error.description).toContain('Continue (using error output)');
		expect(error.description).toContain('Video > Wait for Completion');
		const generations = n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
		expect(generations).toEqual([]);
	});

	it('an operation that starts nothing (Video → Get Many, Download) runs as usual', async () => {
		const videoId = await submitVideo(n8n.simulator, {});
		await waitUntilFinal(n8n.simulator, videoId);
		n8n.simulator.clearLog();
		const run = await n8n.executeOk('pvRetryList');
		expect(nodeOutputJson(run, 'Recent Videos').map((video) => video.video_id)).toEqual([videoId]);
		expect(nodeOutputJson(run, 'Download Video')).toEqual([expect.objectContaining({ video_id: videoId })]);
	});
});
