/**
 * The PixVerse Trigger in a real n8n server with the packed package: useapi.net's callbacks (from
 * the simulator) start the published reacting workflow exactly once, and a forged callback is
 * refused. (Polling mode: triggerPolling.test.ts.)
 */
import { readWorkflow } from '../../scripts/n8n';
import { exampleWorkflow, n8nExecutions, type N8nExecutions, nodeOutputJson, useN8nTestEnvironment, waitFor } from './helpers';

const WEBHOOK_ID = '6f0c2a8e-5d1b-4c3e-9a7f-2b4d6e8f0a13';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PixVerse Trigger in a real n8n: webhook mode', () => {
	const n8n = useN8nTestEnvironment({
		workflows: ['on-video-finished'],
		// Every final callback is delivered three times, as a retrying sender might.
		simulator: { renderMs: 1500, webhook: { duplicates: 2, progress: true } },
		server: { publish: ['pvOnVideoFinished'] },
		shared: true,
	});
	let executions: N8nExecutions;
	const triggerUrl = () => `${n8n.server!.url}/webhook/${WEBHOOK_ID}/pixverse-callback`;

	beforeAll(async () => {
		executions = await n8nExecutions(n8n.server!.url);
	});

	it('a video submitted without waiting, with the trigger URL as Callback URL, starts the reacting workflow once with its data', async () => {
		const submit = readWorkflow(exampleWorkflow('submit-with-callback'));
		const pixverse = (submit.nodes as Array<{ name: string; parameters: { options: { replyUrl: string } } }>).find((node) => node.name === 'Submit Without Waiting')!;
		pixverse.parameters.options.replyUrl = triggerUrl();
		await n8n.importWorkflows([submit]);

		const run = await n8n.executeOk('pvSubmitWithCallback');
		const [submitted] = nodeOutputJson(run, 'Submit Without Waiting');
		expect(submitted).toMatchObject({ video_status_name: 'SUBMITTED' });
		const videoId = submitted.video_id as string;
		const [create] = n8n.simulator.log().filter((entry) => entry.method === 'POST');
		expect(create.body!.replyUrl).toMatch(new RegExp(`^${triggerUrl()}\\?secret=[\\w-]{43}$`));
		const replyRef = create.body!.replyRef as string;
		expect(replyRef).toMatch(/^paper-boat-\d+$/);

		// QUEUED, GENERATING and three copies of COMPLETED, all answered by n8n.
		const delivered = await waitFor(
			'five callbacks answered by n8n',
			async () => {
				const callbacks = n8n.simulator.callbacks().filter((callback) => callback.videoId === videoId);
				return callbacks.length === 5 && callbacks.every((callback) => callback.status) ? callbacks : undefined;
			},
			30_000,
		);
		expect(delivered.map((callback) => callback.status)).toEqual([200, 200, 200, 200, 200]);

		const [execution] = await waitFor(
			'the reacting workflow to finish',
			async () => {
				const list = await executions.list('pvOnVideoFinished');
				return list.length && list.every((entry) => entry.status === 'success') ? list : undefined;
			},
			30_000,
		);
		await sleep(2000);
		expect(await executions.list('pvOnVideoFinished')).toHaveLength(1);
		expect(execution.mode).toBe('webhook');

		const finished = await executions.get(execution.id);
		expect(nodeOutputJson(finished, 'Finished Video')).toEqual([
			{
				video_id: videoId,
				event: 'completed',
				status: 'COMPLETED',
				url: expect.stringMatching(new RegExp(`^${n8n.simulator.url}/media/\\d+\\.mp4$`)),
				model: 'v6',
				replyRef,
			},
		]);
	});

	it('refuses a forged callback without the secret (401) and starts nothing', async () => {
		const before = (await executions.list('pvOnVideoFinished')).length;
		const forged = { video_id: 'user:1-pixverse:demo@example.com-video:999', video_status: 1, video_status_name: 'COMPLETED', video_status_final: true };
		for (const url of [triggerUrl(), `${triggerUrl()}?secret=guessed`]) {
			const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(forged) });
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({ error: expect.stringMatching(/^Unauthorized/) });
		}
		expect((await fetch(triggerUrl())).status).toBe(405); // GET shows the secret only to the editor's test listener
		await sleep(1000);
		expect(await executions.list('pvOnVideoFinished')).toHaveLength(before);
	});
});
