/**
 * A model, quality and duration taken from the previous node's fields: n8n runs the workflow
 * (no "workflow has issues") and Video > Create sends what the fields say, to a finished MP4.
 * n8n's server runs the editor's parameter check (getNodeParametersIssues) when a workflow is
 * published, so publishing through its REST API proves the check passes.
 */
import type { INode } from 'n8n-workflow';

import { binaryMetadata, n8nExecutions, nodeOutputItems, readWorkflow, REPO_ROOT, useN8nTestEnvironment, waitFor, type EditorSession, type WorkflowJson } from './helpers';

const FIXTURE = readWorkflow(`${REPO_ROOT}/test/e2e/fixtures/model-from-fields.json`);
const WEBHOOK_PATH = 'model-from-fields';

/** The fixture started by a Webhook instead of the manual trigger, so that it can be published. */
function publishable(id: string, createParameters: INode['parameters'] = {}): WorkflowJson {
	const nodes = (FIXTURE.nodes as INode[]).map((node): INode => {
		if (node.type === 'n8n-nodes-base.manualTrigger') {
			return { ...node, type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: `${id}-webhook`, parameters: { httpMethod: 'POST', path: `${WEBHOOK_PATH}-${id}` } };
		}
		return node.name === 'Create' ? { ...node, parameters: { ...node.parameters, ...createParameters } } : node;
	});
	return { ...FIXTURE, id, nodes };
}

const FROM_FIELDS = publishable('pvModelFieldsServer');
/** A control: the same workflow without its required prompt must be refused, naming the field. */
const WITHOUT_PROMPT = publishable('pvModelFieldsNoPrompt', { prompt: '' });

describe('Video > Create with its model settings from expressions, in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: ['test/e2e/fixtures/model-from-fields.json', FROM_FIELDS, WITHOUT_PROMPT],
		simulator: { renderMs: 300, mp4Bytes: 50_000 },
		shared: true,
	});
	let editor: EditorSession;
	const publish = async (workflow: WorkflowJson) => {
		const { versionId } = await editor.request<{ versionId: string }>('GET', `/rest/workflows/${workflow.id}`);
		return editor.request<{ active: boolean }>('POST', `/rest/workflows/${workflow.id}/activate`, { versionId });
	};

	beforeAll(async () => {
		editor = n8n.editor!;
	});

	it('a manual run: sends the model, quality and duration of the previous node and brings out the finished video', async () => {
		n8n.simulator.clearLog();
		const run = await n8n.executeOk('pvModelFromFields');

		const posts = n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toMatchObject({ model: 'v5.5', quality: '540p', duration: 5 });

		const [video] = nodeOutputItems(run, 'Create');
		expect(video.json).toMatchObject({ model: 'v5.5', quality: '540p', video_status_name: 'COMPLETED', video_status_final: true });
		expect(binaryMetadata(video, 'video')).toMatchObject({ mimeType: 'video/mp4' });
	});

	it("n8n's server: publishing finds no issues, and the published workflow runs", async () => {
		await expect(publish(WITHOUT_PROMPT)).rejects.toThrow(/Node \\?"Create\\?":[\s\S]*Missing or invalid required parameters: prompt/);

		expect(await publish(FROM_FIELDS)).toMatchObject({ active: true });
		n8n.simulator.clearLog();
		const response = await fetch(`${n8n.server!.url}/webhook/${WEBHOOK_PATH}-${FROM_FIELDS.id}`, { method: 'POST' });
		expect(response.status).toBe(200);

		const executions = await n8nExecutions(n8n.server!.url, editor);
		const [ended] = await waitFor(
			'the published workflow to end',
			async () => {
				const list = await executions.list(FROM_FIELDS.id);
				return list.length > 0 && list[0].stoppedAt ? list : undefined;
			},
			60_000,
		);
		expect(ended.status).toBe('success');
		const [video] = nodeOutputItems(await executions.get(ended.id), 'Create');
		expect(video.json).toMatchObject({ model: 'v5.5', quality: '540p', duration: 5, video_status_name: 'COMPLETED' });
		const posts = n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
		expect(posts.map((entry) => entry.body)).toEqual([expect.objectContaining({ model: 'v5.5', quality: '540p', duration: 5 })]);
	});
});
