/**
 * Stands in for n8n's waiting-webhook server (n8n/dist/webhooks/waiting-webhooks.js) around one
 * node run that parked its execution: a local HTTP server at
 * `<base>/webhook-waiting/<execution id>?signature=<resume token>` that answers 409 while the
 * execution still runs and after it resumed, 401 for a wrong token, and otherwise runs the node's
 * webhook() through n8n-core's WebhookContext on the parked execution data, as n8n does. Of calls
 * that return items at the same time only the first resumes; the others get n8n's 500. Items
 * leave the node the way n8n lets them out of a resumed node: n8n-core's runNode with the node
 * disabled, passing on what webhook() returned, or at the deadline the parked input.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type { IDataObject, IExecuteData, INodeExecutionData, INodeType, ITaskDataConnections, IWebhookData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { NodeRun } from './run-node';
import { recordingResponse } from './trigger-contexts';

export interface WaitingDelivery {
	body: IDataObject;
	/** What n8n answered the caller. */
	status: number;
	answer: unknown;
	result?: IWebhookResponseData;
	error?: Error;
}

export interface WaitingServer {
	/** For RunNodeOptions.additionalData: resume URLs then point at this server. */
	webhookWaitingBaseUrl: string;
	/** Every request, in the order they were answered. */
	deliveries: WaitingDelivery[];
	/** Hands over the node's finished run; callbacks are refused (409, "running") until then. */
	attach(run: NodeRun, nodeType: INodeType): void;
	/** The node's output once a callback resumed the execution. */
	resumed(timeoutMs?: number): Promise<INodeExecutionData[]>;
	/**
	 * Delivers a callback as another n8n process would: `process` is the node type loaded in that
	 * process (its own module state). Answers what n8n answers.
	 */
	deliver(body: IDataObject, query: IDataObject, process: INodeType): Promise<WaitingDelivery>;
	/** What n8n brings out when the wait deadline passes first. */
	deadline(): Promise<INodeExecutionData[]>;
	close(): Promise<void>;
}

type HttpRequest = ReturnType<IWebhookFunctions['getRequestObject']>;

/** n8n-core's runNode for a resumed node: disabled, so it passes `data` on unchanged. */
async function passOn(run: NodeRun, data: ITaskDataConnections, metadata: IExecuteData['metadata'] = {}): Promise<INodeExecutionData[]> {
	const { workflow, executeData, runExecutionData } = run.harness;
	const resumed: IExecuteData = { ...executeData, node: { ...executeData.node, disabled: true }, data, metadata };
	const response = await new WorkflowExecute(run.additionalData, run.mode, runExecutionData).runNode(workflow, resumed, runExecutionData, 0, run.additionalData, run.mode);
	if (!('data' in response)) throw new Error('a disabled node asked for sub-nodes');
	return response.data?.[0] ?? [];
}

/**
 * n8n's deferred onReceived answer, sent once the resumed run started
 * (webhook-on-received-response-extractor.js): the description's responseData, else the node's
 * webhookResponse.
 */
function onReceivedAnswer(nodeType: INodeType, result: IWebhookResponseData): unknown {
	const responseData = nodeType.description.webhooks![0].responseData ?? 'firstEntryJson';
	if (responseData === 'noData') return undefined;
	return responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
}

export async function startWaitingServer(): Promise<WaitingServer> {
	let attached: { run: NodeRun; nodeType: INodeType } | undefined;
	let output: INodeExecutionData[] | undefined;
	let onResumed: ((items: INodeExecutionData[]) => void) | undefined;
	const deliveries: WaitingDelivery[] = [];

	const callWebhook = async (body: IDataObject, query: IDataObject, process?: INodeType): Promise<Omit<WaitingDelivery, 'body'>> => {
		if (!attached || output) return { status: 409, answer: { message: output ? 'The execution has finished already.' : 'The execution is running already.' } };
		const { run } = attached;
		const nodeType = process ?? attached.nodeType;
		const { harness } = run;
		if (query.signature !== harness.runExecutionData.resumeToken) return { status: 401, answer: { error: 'Invalid token' } };
		const { response, answer } = recordingResponse();
		const request = { method: 'POST', body, query, headers: {}, params: {} } as unknown as HttpRequest;
		const additionalData = { ...run.additionalData, httpRequest: request, httpResponse: response };
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: harness.node.name,
			path: '',
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: harness.workflowId,
			workflowExecuteAdditionalData: additionalData,
		};
		const node = harness.workflow.getNode(harness.node.name)!;
		const context = new WebhookContext(harness.workflow, node, additionalData, run.mode, webhookData, [], harness.runExecutionData);
		try {
			const result = await nodeType.webhook!.call(context);
			const resumedWith = result.workflowData;
			if (answer.sent !== undefined || result.noWebhookResponse) return { status: answer.status ?? 200, answer: answer.sent, result };
			if (!resumedWith) return { status: 200, answer: result.webhookResponse ?? { message: 'Webhook call received' }, result };
			// n8n's compare-and-set on the execution's status: only the first call resumes it; the others' run() throws.
			if (output) return { status: 500, answer: { message: 'Execution is already being resumed by another process' }, result };
			output = await passOn(run, { main: resumedWith }, { forwardAllOutputs: true });
			onResumed?.(output);
			return { status: 200, answer: onReceivedAnswer(nodeType, result), result };
		} catch (error) {
			return { status: 500, answer: { message: (error as Error).message }, error: error as Error };
		}
	};

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as IDataObject;
			void callWebhook(body, Object.fromEntries(url.searchParams)).then((delivery) => {
				deliveries.push({ body, ...delivery });
				res.writeHead(delivery.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(delivery.answer ?? {}));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

	return {
		webhookWaitingBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook-waiting`,
		deliveries,
		attach(run, nodeType) {
			if (!run.harness.runExecutionData.waitTill) throw new Error('the run did not park its execution');
			// What n8n saves with a waiting execution (the waiting node back on the stack), read back
			// from storage as another process would: only what survives JSON is left.
			run.harness.runExecutionData.executionData!.nodeExecutionStack = [run.harness.executeData];
			const stored = JSON.parse(JSON.stringify(run.harness.runExecutionData)) as typeof run.harness.runExecutionData;
			const [executeData] = stored.executionData!.nodeExecutionStack;
			attached = { run: { ...run, harness: { ...run.harness, runExecutionData: stored, executeData } }, nodeType };
		},
		resumed(timeoutMs = 15_000) {
			if (output) return Promise.resolve(output);
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no callback resumed the execution within ${timeoutMs} ms`)), timeoutMs);
				onResumed = (items) => {
					clearTimeout(timer);
					resolve(items);
				};
			});
		},
		async deliver(body, query, process) {
			const delivery = { body, ...(await callWebhook(body, query, process)) };
			deliveries.push(delivery);
			return delivery;
		},
		async deadline() {
			if (!attached) throw new Error('no parked run attached');
			return await passOn(attached.run, attached.run.harness.executeData.data);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
