/**
 * "Resume When PixVerse Calls Back" in a real n8n: `n8n execute` runs the example until the
 * PixVerse node parks the execution, and the n8n server (another process, sharing only the
 * database) resumes it when the simulator calls the resume URL back — or when the deadline
 * passes. Each case checks that every accepted id comes out, that no POST was sent twice, and
 * that errors name their video.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { readWorkflow, type ExecutionJson, type WorkflowJson } from '../../scripts/n8n';
import {
	binaryContent,
	binaryMetadata,
	exampleWorkflow,
	n8nExecutions,
	type N8nExecutions,
	nodeOutputItems,
	useN8nTestEnvironment,
	waitFor,
} from './helpers';

const MP4_BYTES = 300_000;
const SIMULATOR = { renderMs: 4000, offPeakRenderMs: 9000, mp4Bytes: MP4_BYTES };
const NODE = 'Render While Parked';

interface WorkflowNode {
	name: string;
	parameters: IDataObject & { assignments?: { assignments: IDataObject[] } };
}

/** The example with other prompts and PixVerse parameters, under its own id. */
function variant(id: string, prompts: string[], parameters: IDataObject = {}): WorkflowJson {
	const workflow = readWorkflow(exampleWorkflow('resume-on-callback'));
	const nodes = workflow.nodes as WorkflowNode[];
	nodes.find((node) => node.name === 'Prompts')!.parameters.assignments!.assignments[0].value = `=${JSON.stringify(prompts)}`;
	Object.assign(nodes.find((node) => node.name === NODE)!.parameters, parameters);
	return { ...workflow, id, name: `${String(workflow.name)} (${id})` };
}

const DUPLICATED = variant('pvResumeVariant1', ['A kite over dunes', 'A broken take [fail]'], { download: false });
const OUT_OF_ORDER = variant('pvResumeVariant2', ['A quick sketch', 'A slow off-peak render'], { download: false, offPeakMode: '={{ $json.prompt.includes("off-peak") }}' });
const NEVER_ARRIVE = variant('pvResumeVariant3', ['Fog rolling over hills', 'Rain on a tin roof'], { waitTimeout: 0.1 });

describe('Resume When PixVerse Calls Back, in a real n8n server', () => {
	const n8n = useN8nTestEnvironment({
		// Imported together: each import is an n8n process of its own.
		workflows: ['resume-on-callback', 'submit-then-wait-for-callbacks', DUPLICATED, OUT_OF_ORDER, NEVER_ARRIVE],
		simulator: SIMULATOR,
		server: {},
	});
	let executions: N8nExecutions;

	beforeAll(async () => {
		executions = await n8nExecutions(n8n.server!.url);
	});
	beforeEach(() => {
		n8n.simulator.reset(SIMULATOR);
	});

	/** Runs the workflow until it parks (in `n8n execute`), then waits for the server to finish it. */
	async function parkAndFinish(workflowId: string, timeoutMs: number): Promise<{ parked: ExecutionJson; finished: ExecutionJson }> {
		const parked = await n8n.executeOk(workflowId, { env: { N8N_WEBHOOK_URL: `${n8n.server!.url}/` } });
		expect(parked.status).toBe('waiting');
		const [execution] = await executions.list(workflowId);
		const done = await waitFor(
			'the parked execution to finish',
			async () => {
				const [latest] = await executions.list(workflowId);
				return latest.status === 'success' ? latest : undefined;
			},
			timeoutMs,
		);
		expect(done.id).toBe(execution.id);
		expect(await executions.list(workflowId)).toHaveLength(1);
		return { parked, finished: await executions.get(done.id) };
	}

	const creates = () => n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path === '/v2/pixverse/videos/create');
	const acceptedIds = () => creates().map((entry) => entry.status);
	const lastRun = (execution: ExecutionJson, node = NODE): INodeExecutionData[] => {
		const runs = execution.data.resultData.runData[node];
		return nodeOutputItems(execution, node, { runIndex: runs.length - 1 });
	};
	const parkedIds = (parked: ExecutionJson, node = NODE) => nodeOutputItems(parked, node).map((item) => item.json.video_id as string);

	it('the example: a parked execution resumed by the callbacks, every MP4 downloaded', async () => {
		const { parked, finished } = await parkAndFinish('pvResumeOnCallback', 60_000);
		const ids = parkedIds(parked);
		expect(ids).toHaveLength(3);
		expect(creates()).toHaveLength(3);
		const [create] = creates();
		expect(create.body!.replyUrl).toMatch(new RegExp(`^${n8n.server!.url}/webhook-waiting/\\d+\\?signature=[\\w-]+$`));

		const items = lastRun(finished);
		expect(items.map((item) => [item.json.video_id, item.json.video_status_name])).toEqual(ids.map((id) => [id, 'COMPLETED']));
		for (const item of items) {
			expect(binaryMetadata(item, 'video').mimeType).toBe('video/mp4');
			expect(binaryContent(n8n.userFolder, item, 'video').length).toBe(MP4_BYTES);
		}
	});

	it('duplicated callbacks: one resume, every id out, no POST twice, a failed video named in its error', async () => {
		n8n.simulator.configure({ webhook: { duplicates: 2, progress: true } });
		const { parked, finished } = await parkAndFinish(DUPLICATED.id, 60_000);
		const ids = parkedIds(parked);
		expect(acceptedIds()).toEqual([200, 200]);

		const items = lastRun(finished);
		expect(items.map((item) => item.json.video_id)).toEqual(ids);
		expect(items[0].json).toMatchObject({ video_status_name: 'COMPLETED' });
		expect(items[1].json).toMatchObject({ video_status_name: 'FAILED', error: expect.stringContaining(`Video ${ids[1]} failed`) });
		await waitFor('every callback answered', async () => (n8n.simulator.callbacks().every((callback) => callback.status || callback.error) ? true : undefined), 10_000);
		const finals = n8n.simulator.callbacks().filter((callback) => callback.final);
		expect(finals).toHaveLength(6);
		// Every final callback came while the execution was parked (or after it resumed, which n8n refuses
		// with 409). The QUEUED update at submission finds the execution still running: n8n 2.41 answers 500.
		expect(finals.map((callback) => callback.status)).toEqual(finals.map((callback) => (callback.status === 409 ? 409 : 200)));
	});

	it('callbacks out of order (progress after the final one, videos finishing apart): every id out, no POST twice', async () => {
		n8n.simulator.configure({ webhook: { progress: true, progressAfterFinal: true } });
		const { parked, finished } = await parkAndFinish(OUT_OF_ORDER.id, 90_000);
		const ids = parkedIds(parked);
		expect(acceptedIds()).toEqual([200, 200]);
		expect(lastRun(finished).map((item) => [item.json.video_id, item.json.video_status_name])).toEqual(ids.map((id) => [id, 'COMPLETED']));
		const [fast] = ids;
		const fastCallbacks = n8n.simulator.callbacks().filter((callback) => callback.videoId === fast);
		// Its final callback first, then its progress updates, answered while the other video still rendered.
		expect(fastCallbacks.map((callback) => callback.videoStatusName)).toEqual(['COMPLETED', expect.any(String), expect.any(String)]);
		expect(fastCallbacks.slice(1).map((callback) => callback.videoStatusName).sort()).toEqual(['GENERATING', 'QUEUED']);
		expect(fastCallbacks.map((callback) => callback.status)).toEqual([200, 200, 200]);
	});

	it('callbacks that never arrive: at the deadline every id comes out with timed_out', async () => {
		n8n.simulator.configure({ webhook: { drop: true } });
		// n8n looks for executions whose wait ended once a minute.
		const { parked, finished } = await parkAndFinish(NEVER_ARRIVE.id, 150_000);
		const ids = parkedIds(parked);
		expect(acceptedIds()).toEqual([200, 200]);
		expect(lastRun(finished).map((item) => item.json)).toEqual(ids.map((id) => expect.objectContaining({ video_id: id, timed_out: true, video_status_final: false })));
	});

	it('Wait for Completion: a video submitted earlier in the run with $execution.resumeUrl as Callback URL resumes the parked execution', async () => {
		const { parked, finished } = await parkAndFinish('pvSubmitThenWait', 60_000);
		const [videoId] = parkedIds(parked, 'Wait for the Callback');
		expect(creates().map((entry) => entry.body!.replyUrl)).toEqual([expect.stringMatching(new RegExp(`^${n8n.server!.url}/webhook-waiting/\\d+\\?signature=`))]);
		expect(n8n.simulator.log().some((entry) => entry.path === '/v2/pixverse/scheduler')).toBe(true);
		const [item] = lastRun(finished, 'Wait for the Callback');
		expect(item.json).toMatchObject({ video_id: videoId, video_status_name: 'COMPLETED' });
		expect(binaryContent(n8n.userFolder, item, 'video').length).toBe(MP4_BYTES);
	});
});
