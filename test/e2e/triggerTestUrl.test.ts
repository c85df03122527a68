/**
 * Getting the PixVerse Trigger's callback URL with its secret the way the editor does, through a
 * real n8n server: "Fetch Test Event" (the editor's manual run of the trigger) makes n8n listen on
 * the Test URL; opening it in a browser answers the production URL with the secret as JSON, and the
 * trigger's output in the editor shows it. That URL then works for production callbacks, which
 * get a JSON answer.
 */
import { readWorkflow, type WorkflowJson } from '../../scripts/n8n';
import { exampleWorkflow, nodeOutputJson, useN8nTestEnvironment, type EditorSession, n8nExecutions, type N8nExecutions, waitFor } from './helpers';

const PUBLISHED_WEBHOOK_ID = '3a9d5c71-2e4b-4f8a-b0c6-7d1e9f2a4b35';
const DRAFT_WEBHOOK_ID = '0d7e3b1a-8c2f-4e5d-b6a9-1f3c5e7a9b20';
const TRIGGER = 'Video Finished';

/**
 * The webhook example under its own id and trigger URL (other test files in the same server
 * publish the example itself).
 */
function copyOfExample(id: string, webhookId: string, name: string): WorkflowJson {
	const workflow = readWorkflow(exampleWorkflow('on-video-finished'));
	for (const node of workflow.nodes as Array<Record<string, unknown>>) if (node.name === TRIGGER) node.webhookId = webhookId;
	return { ...workflow, id, name, active: false };
}
const PUBLISHED = copyOfExample('pvOnVideoFinishedUrl', PUBLISHED_WEBHOOK_ID, 'PixVerse: react when a video is finished (published)');
/** A second, unpublished workflow with its own trigger URL. */
const DRAFT = copyOfExample('pvOnVideoFinishedTest', DRAFT_WEBHOOK_ID, 'PixVerse: react when a video is finished (draft)');

const completedCallback = (videoId: string) => ({ video_id: videoId, video_status: 1, video_status_name: 'COMPLETED', video_status_final: true, url: 'https://media.example.com/v.mp4', model: 'v6' });

describe('PixVerse Trigger webhook URL in a real n8n editor server', () => {
	const n8n = useN8nTestEnvironment({
		workflows: [PUBLISHED, DRAFT],
		server: { publish: [PUBLISHED.id] },
		shared: true,
	});
	let editor: EditorSession;
	let executions: N8nExecutions;
	let callbackUrl: string;

	beforeAll(async () => {
		editor = n8n.editor!;
		executions = await n8nExecutions(n8n.server!.url, editor);
	});

	it('"Fetch Test Event" listens on the Test URL; opening it answers the callback URL with its secret as JSON, and the output shows it', async () => {
		for (const id of [PUBLISHED_WEBHOOK_ID, DRAFT_WEBHOOK_ID]) {
			// Production URLs never tell the secret.
			expect((await fetch(`${n8n.server!.url}/webhook/${id}/pixverse-callback`)).status).not.toBe(200);
		}
		const run = await editor.request<{ waitingForWebhook?: boolean }>('POST', '/rest/workflows/pvOnVideoFinishedTest/run', {
			triggerToStartFrom: { name: TRIGGER },
			destinationNode: { nodeName: TRIGGER, mode: 'inclusive' },
		});
		expect(run).toEqual({ waitingForWebhook: true });

		const response = await fetch(`${n8n.server!.url}/webhook-test/${DRAFT_WEBHOOK_ID}/pixverse-callback`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const answer = (await response.json()) as { callback_url: string; note: string };
		expect(answer).toEqual({
			callback_url: expect.stringMatching(new RegExp(`^${n8n.server!.url}/webhook/${DRAFT_WEBHOOK_ID}/pixverse-callback\\?secret=[\\w-]{43}$`)),
			note: expect.stringContaining('Keep it private'),
		});
		callbackUrl = answer.callback_url;

		const [execution] = await waitFor(
			'the manual execution started by the Test URL',
			async () => {
				const list = await executions.list('pvOnVideoFinishedTest');
				return list.length && list.every((entry) => entry.status === 'success') ? list : undefined;
			},
			30_000,
		);
		expect(execution.mode).toBe('manual');
		expect(nodeOutputJson(await executions.get(execution.id), TRIGGER)).toEqual([answer]);
	});

	it('a production callback to a published trigger gets a JSON answer and starts its workflow', async () => {
		// Both triggers use the same credential, so the same secret.
		const published = callbackUrl.replace(DRAFT_WEBHOOK_ID, PUBLISHED_WEBHOOK_ID);
		const videoId = 'user:1-pixverse:demo@example.com-video:4242';
		const send = () => fetch(published, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(completedCallback(videoId)) });

		const first = await send();
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await first.json()).toMatchObject({ received: true, started: true, event: 'completed' });

		const repeat = await send();
		expect(await repeat.json()).toEqual({ received: true, started: false, reason: 'already delivered' });

		const [execution] = await waitFor(
			'the published workflow to finish',
			async () => {
				const list = await executions.list(PUBLISHED.id);
				return list.length && list.every((entry) => entry.status === 'success') ? list : undefined;
			},
			30_000,
		);
		expect(execution.mode).toBe('webhook');
		const [finished] = nodeOutputJson(await executions.get(execution.id), 'Finished Video');
		expect(finished).toMatchObject({ video_id: videoId, event: 'completed', status: 'COMPLETED', url: 'https://media.example.com/v.mp4', model: 'v6' });
	});
});
