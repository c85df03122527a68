/**
 * Runs a trigger node's entry points the way n8n does, with n8n-core's real contexts: `poll()`
 * through PollContext, `webhookMethods` through HookContext and `webhook()` through WebhookContext.
 * One workflow object is kept across calls, as n8n keeps an active workflow's in memory, so the
 * node's static data carries from call to call; `restart()` reloads it from a saved copy, as n8n
 * does after a restart.
 */
import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { buildAdditionalData } from './additional-data';
import { CredentialTypeRegistry, discoverProjectCredentialTypes } from './credential-types';
import { HarnessCredentialsHelper, type CredentialDataByType } from './credentials-helper';
import { latestVersionOf, nodeTypeNameOf } from './harness-workflow';
import { ensureN8nRuntime } from './n8n-runtime';
import { HarnessNodeTypes } from './node-types';

export interface TriggerHarnessOptions {
	node: INodeType;
	parameters: INodeParameters;
	credentials?: CredentialDataByType;
	credentialTypes?: ICredentialType[];
	/** The node's saved static data to start from (what n8n loads from its database). */
	nodeStaticData?: IDataObject;
}

export interface WebhookCall {
	/** Default POST. */
	method?: 'GET' | 'POST';
	body?: unknown;
	query?: IDataObject;
	headers?: Record<string, string>;
	/** 'webhook' for the production URL, 'manual' for the editor's test URL. */
	mode?: WorkflowExecuteMode;
	/** The node's static data in the database when the call arrives (n8n loads it for every production call); default: what this trigger saved last. */
	staticData?: IDataObject;
}

export interface WebhookResult {
	result?: IWebhookResponseData;
	/** What webhook() threw (n8n answers 500 and records a failed execution). */
	error?: Error;
	/** Set when the node answered the request itself (noWebhookResponse). */
	status?: number;
	sent?: unknown;
}

export interface TriggerHarness {
	node: INode;
	/** `poll()`; 'trigger' as the scheduler runs it, 'manual' for the editor's "Fetch Test Event". */
	poll(mode?: WorkflowExecuteMode, activation?: WorkflowActivateMode): Promise<INodeExecutionData[][] | null>;
	/** One webhook lifecycle method, as activation ('trigger') or the test listener ('manual') runs it. */
	hook(method: 'checkExists' | 'create' | 'delete', mode?: WorkflowExecuteMode): Promise<boolean | undefined>;
	/** `webhook()` for one incoming request. */
	webhook(call: WebhookCall): Promise<WebhookResult>;
	/** The node's static data as n8n would save it. */
	staticData(): IDataObject;
	/** A new workflow object from the saved static data: state kept in memory only is gone. */
	restart(): void;
	webhookUrl(mode?: WorkflowExecuteMode): string;
}

type HttpRequest = ReturnType<IWebhookFunctions['getRequestObject']>;
type HttpResponse = ReturnType<IWebhookFunctions['getResponseObject']>;

const webhookId = '8c1f6a2e-4b7d-4e59-9a31-5d2c7e0f9b14';
/** Each prepared trigger is its own workflow, as two triggers in n8n would be. */
let workflowCounter = 0;

/** A minimal express response: what a node's webhook() may call to answer by itself. */
export function recordingResponse() {
	const answer: { status?: number; sent?: unknown } = {};
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(body: unknown) {
			answer.sent = body;
			return response;
		},
		send(body: unknown) {
			answer.sent = body;
			return response;
		},
		end() {
			return response;
		},
		setHeader() {
			return response;
		},
	};
	return { response: response as unknown as HttpResponse, answer };
}

export async function prepareTrigger(options: TriggerHarnessOptions): Promise<TriggerHarness> {
	const runtime = await ensureN8nRuntime();
	const credentials = structuredClone(options.credentials ?? {});
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry(options.credentialTypes ?? discoverProjectCredentialTypes()),
		credentials,
	);
	const typeName = nodeTypeNameOf(options.node);
	const description = options.node.description;
	const node: INode = {
		id: 'trigger-under-test',
		name: 'Trigger under test',
		type: typeName,
		typeVersion: latestVersionOf(options.node),
		position: [0, 0],
		webhookId,
		parameters: {},
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `${type}-credential`, name: `${type} account` }])),
	};
	node.parameters = NodeHelpers.getNodeParameters(description.properties, structuredClone(options.parameters), true, false, node, description) ?? {};

	const workflowId = `contract-test-trigger-${++workflowCounter}`;
	const staticDataKey = `node:${node.name}`;
	let saved: IDataObject = options.nodeStaticData ? { [staticDataKey]: structuredClone(options.nodeStaticData) } : {};
	let workflow: Workflow;
	const load = () => {
		workflow = new Workflow({
			id: workflowId,
			name: 'Contract test (trigger)',
			nodes: [structuredClone(node)],
			connections: {},
			active: true,
			nodeTypes: new HarnessNodeTypes({ [typeName]: options.node }),
			staticData: structuredClone(saved),
			settings: { executionOrder: 'v1' },
		});
	};
	load();
	const workflowNode = () => workflow.getNode(node.name) as INode;
	const additionalData = (extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData => ({
		...buildAdditionalData({ credentialsHelper, runtime, executionId: 'trigger', workflowId: workflow.id }),
		...extra,
	});
	const webhookData = (mode: WorkflowExecuteMode, data: IWorkflowExecuteAdditionalData): IWebhookData => ({
		httpMethod: 'POST',
		node: node.name,
		path: `${webhookId}/${String(description.webhooks?.[0]?.path ?? '')}`,
		webhookDescription: description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: data,
		webhookId,
		isTest: mode === 'manual',
	});
	const save = () => {
		saved = JSON.parse(JSON.stringify(workflow.staticData ?? {})) as IDataObject;
	};

	return {
		node,
		async poll(mode = 'trigger', activation = 'init') {
			const context = new PollContext(workflow, workflowNode(), additionalData(), mode, activation);
			try {
				return await options.node.poll!.call(context);
			} finally {
				save();
			}
		},
		async hook(method, mode = 'trigger') {
			const data = additionalData();
			const context = new HookContext(workflow, workflowNode(), data, mode, 'activate', webhookData(mode, data));
			try {
				return await options.node.webhookMethods!.default![method].call(context);
			} finally {
				save();
			}
		},
		async webhook(call) {
			if (call.staticData) {
				saved = { [staticDataKey]: structuredClone(call.staticData) };
				load();
			}
			const mode = call.mode ?? 'webhook';
			const { response, answer } = recordingResponse();
			const method = call.method ?? 'POST';
			const request = { method, body: call.body ?? {}, query: call.query ?? {}, headers: call.headers ?? {}, params: {} } as unknown as HttpRequest;
			const data = additionalData({ httpRequest: request, httpResponse: response });
			const context = new WebhookContext(workflow, workflowNode(), data, mode, { ...webhookData(mode, data), httpMethod: method }, [], null);
			const outcome: WebhookResult = {};
			try {
				outcome.result = await options.node.webhook!.call(context);
			} catch (error) {
				outcome.error = error as Error;
			} finally {
				save();
			}
			return { ...outcome, ...answer };
		},
		staticData: () => structuredClone((saved[staticDataKey] ?? {}) as IDataObject),
		restart: load,
		webhookUrl(mode = 'webhook') {
			const data = additionalData();
			return new HookContext(workflow, workflowNode(), data, mode, 'activate', webhookData(mode, data)).getNodeWebhookUrl('default') ?? '';
		},
	};
}
