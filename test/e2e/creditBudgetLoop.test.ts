/**
 * Options → Credit Budget (per Execution) in a real n8n 2.41 when the PixVerse node runs several
 * times in one execution: Loop Over Items (Split In Batches v3) hands it 5 prompts in batches of
 * 2, so the node runs 3 times. Each V6 360p 5 s video costs 20 credits (4 per second, what the
 * simulator charges and answers as `cost_credits`); a budget of 70 lets exactly 3 through. The
 * node keeps its running total in n8n's context of the execution, so a later run of the node
 * counts what the earlier ones had accepted, and a new execution starts from zero.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ExecutionJson, WorkflowJson } from '../../scripts/n8n';
import { nodeRuns, useN8nTestEnvironment } from './helpers';

const PROMPTS = ['A lighthouse in a storm', 'A fox in fresh snow', 'A paper boat on a river', 'A hot air balloon at dawn', 'A koi pond in the rain'];
const BATCH_SIZE = 2;
/** V6 at 360p: 4 credits per second, 5 seconds. */
const PRICE = 20;
const BUDGET = 70;
const FITTING = Math.floor(BUDGET / PRICE);
/** What the budget's 3 accepted videos count: every later item finds this much used. */
const USED = FITTING * PRICE;

const RENDER = 'Render';
const LOOP = 'Loop Over Items';
const CREDENTIAL = { useApiApi: { id: 'useapiSimulator', name: 'useapi.net (local simulator)' } };

/** Manual Trigger → 5 prompts → Loop Over Items (2 a batch) → PixVerse Create (both outputs back into the loop). */
const budgetLoopWorkflow: WorkflowJson = {
	id: 'pvCreditBudgetLoop',
	name: 'PixVerse: Credit Budget across the runs of a Loop Over Items',
	nodes: [
		{ parameters: {}, id: 'b1000000-0000-4000-8000-000000000001', name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: {
				mode: 'manual',
				assignments: { assignments: [{ id: 'b1000000-0000-4000-8000-000000000011', name: 'prompt', value: `=${JSON.stringify(PROMPTS)}`, type: 'array' }] },
				options: {},
			},
			id: 'b1000000-0000-4000-8000-000000000002',
			name: 'Prompts',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
		},
		{
			parameters: { fieldToSplitOut: 'prompt', options: {} },
			id: 'b1000000-0000-4000-8000-000000000003',
			name: 'One Item per Prompt',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
		},
		{
			parameters: { batchSize: BATCH_SIZE, options: {} },
			id: 'b1000000-0000-4000-8000-000000000004',
			name: LOOP,
			type: 'n8n-nodes-base.splitInBatches',
			typeVersion: 3,
			position: [660, 0],
		},
		{
			parameters: {
				resource: 'video',
				operation: 'create',
				prompt: '={{ $json.prompt }}',
				imageSource: 'none',
				model: 'v6',
				quality: '360p',
				duration: 5,
				aspectRatio: '16:9',
				waitMode: 'poll',
				pollInterval: 1,
				download: false,
				options: { creditBudget: BUDGET },
			},
			id: 'b1000000-0000-4000-8000-000000000005',
			name: RENDER,
			type: 'n8n-nodes-useapi-pixverse.pixVerse',
			typeVersion: 1,
			position: [880, 100],
			onError: 'continueErrorOutput',
			credentials: CREDENTIAL,
		},
		{ parameters: {}, id: 'b1000000-0000-4000-8000-000000000006', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [880, -100] },
	],
	connections: {
		Run: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
		Prompts: { main: [[{ node: 'One Item per Prompt', type: 'main', index: 0 }]] },
		'One Item per Prompt': { main: [[{ node: LOOP, type: 'main', index: 0 }]] },
		// Split In Batches v3: output 0 is "done", output 1 the next batch.
		[LOOP]: { main: [[{ node: 'Done', type: 'main', index: 0 }], [{ node: RENDER, type: 'main', index: 0 }]] },
		[RENDER]: { main: [[{ node: LOOP, type: 'main', index: 0 }], [{ node: LOOP, type: 'main', index: 0 }]] },
	},
	active: false,
	settings: { executionOrder: 'v1' },
	pinData: {},
};

/** Every item of one run of the node, from both its outputs (success, error), with the output it left by. */
function runItems(run: ExecutionJson, runIndex: number): Array<{ outputIndex: number; json: IDataObject }> {
	const outputs = nodeRuns(run, RENDER)[runIndex].data?.main ?? [];
	return outputs.flatMap((items, outputIndex) => (items ?? []).map((item: INodeExecutionData) => ({ outputIndex, json: item.json })));
}

const overBudget = `Not submitted: over the credit budget: ${USED} of ${BUDGET} used, this item needs ${PRICE}`;

describe('Credit Budget across the runs of a Loop Over Items in a real n8n', () => {
	const n8n = useN8nTestEnvironment({ workflows: [budgetLoopWorkflow], simulator: { renderMs: 300, mp4Bytes: 20_000 }, shared: true });

	beforeEach(() => n8n.simulator.clearLog());

	const acceptedCreates = () => n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path === '/v2/pixverse/videos/create' && entry.status === 200);
	const credits = () => (n8n.simulator.state().accounts as Array<{ credits: number }>)[0].credits;

	/** One execution: what the simulator accepted and charged, and what each run of the node put out. */
	async function runLoop() {
		const creditsBefore = credits();
		const run = await n8n.executeOk(budgetLoopWorkflow.id);
		return { run, accepted: acceptedCreates(), charged: creditsBefore - credits() };
	}

	/** Every item the node put out in the execution, run after run, and which output it left by. */
	const allItems = (run: ExecutionJson) => nodeRuns(run, RENDER).flatMap((_, runIndex) => runItems(run, runIndex));
	const outcome = (json: IDataObject) => json.error ?? json.video_status_name;

	it('later runs of the node count what its earlier runs had accepted: exactly 3 of 5 videos are sent', async () => {
		const { run, accepted, charged } = await runLoop();

		expect(accepted.map((entry) => entry.body!.prompt)).toEqual(PROMPTS.slice(0, FITTING));
		expect(accepted.map((entry) => entry.body)).toEqual(PROMPTS.slice(0, FITTING).map((prompt) => expect.objectContaining({ prompt, model: 'v6', quality: '360p', duration: 5 })));
		expect(charged).toBe(USED);

		// 5 items in batches of 2: the node ran 3 times in this one execution.
		expect(nodeRuns(run, RENDER)).toHaveLength(Math.ceil(PROMPTS.length / BATCH_SIZE));
		// Run 0: both fit (40 of 70). Run 1: the third fits (60), the fourth finds 60 used. Run 2: 60 used.
		expect(runItems(run, 0).map(({ json }) => outcome(json))).toEqual(['COMPLETED', 'COMPLETED']);
		expect(runItems(run, 1).map(({ json }) => outcome(json))).toEqual(['COMPLETED', overBudget]);
		expect(runItems(run, 2).map(({ json }) => outcome(json))).toEqual([overBudget]);
		for (const { json } of allItems(run).filter((item) => item.json.error)) {
			expect(json.error_description).toContain(`Credit Budget (options.creditBudget) is ${BUDGET} credits for this execution`);
			expect(json.error_description).toContain('Nothing was sent or charged for this item');
		}

		const completed = allItems(run).filter(({ json }) => json.video_status_name === 'COMPLETED');
		expect(completed.map(({ json }) => [json.prompt, json.cost_credits])).toEqual(PROMPTS.slice(0, FITTING).map((prompt) => [prompt, PRICE]));
		// Every accepted video reached the output, each once.
		const jobs = n8n.simulator.state().jobs as Array<{ video_id: string }>;
		const ids = completed.map(({ json }) => json.video_id);
		expect(new Set(ids).size).toBe(FITTING);
		expect(jobs.map((job) => job.video_id)).toEqual(expect.arrayContaining(ids));

		// Where the total lives: n8n's context of this node, stored with the execution.
		expect(run.data.executionData?.contextData[`node:${RENDER}`]).toEqual({ creditsAccepted: USED });
		// Loop Over Items went on to the end: its "done" output has all 5 items.
		expect(nodeRuns(run, 'Done')[0].data?.main[0]).toHaveLength(PROMPTS.length);
	});

	it('a new execution of the same workflow starts from zero: 3 more videos', async () => {
		const first = await runLoop();
		n8n.simulator.clearLog();
		const second = await runLoop();
		for (const { run, accepted, charged } of [first, second]) {
			expect(accepted.map((entry) => entry.body!.prompt)).toEqual(PROMPTS.slice(0, FITTING));
			expect(charged).toBe(USED);
			expect(allItems(run).map(({ json }) => outcome(json))).toEqual([...PROMPTS.slice(0, FITTING).map(() => 'COMPLETED'), overBudget, overBudget]);
		}
	});

	/**
	 * n8n 2.41 moves an item to the error output only when its json holds nothing but `error`,
	 * `message` or `details` (or when the item carries the node error, whose json n8n then replaces
	 * by the message alone). A problem item of this node keeps `error_description` and, for a video,
	 * its `video_id`, so it stays on the main output, and docs/batches-and-waiting.md says to route
	 * on `error`. If n8n or the node change this, the docs must change with it.
	 */
	it('with On Error → Continue (using error output), problem items stay on the main output with `error` set', async () => {
		const { run } = await runLoop();
		expect(allItems(run).map(({ outputIndex, json }) => [outputIndex, outcome(json)])).toEqual([
			...PROMPTS.slice(0, FITTING).map(() => [0, 'COMPLETED']),
			[0, overBudget],
			[0, overBudget],
		]);
	});
});
