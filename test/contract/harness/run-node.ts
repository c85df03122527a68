/**
 * Runs one node the way n8n's WorkflowExecute does inside a real execution: n8n-core's own
 * `runNode` builds the real ExecuteContext (parameters with expression resolution,
 * continueOnFail, the HTTP helpers with credential authentication and SSRF checks, binary
 * helpers on filesystem storage, the execution cancel signal) and calls `execute()`.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	ICredentialType,
	IExecuteData,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
	NodeExecutionHint,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { readItemBinary } from './binary-data';
import type { CredentialDataByType } from './credentials-helper';
import { inputNodeName, type HarnessWorkflow } from './harness-workflow';
import { prepareExecution } from './prepare-execution';

export interface RunNodeOptions {
	node: INodeType | IVersionedNodeType;
	parameters: INodeParameters;
	/** Items arriving from the previous node; default one empty item (what a Manual Trigger emits). */
	items?: INodeExecutionData[];
	/** Credential data by credential type name, e.g. `{ useApiApi: { apiToken, baseUrl } }`. */
	credentials?: CredentialDataByType;
	/** Credential classes to apply; default every class in the project's credentials folder. */
	credentialTypes?: ICredentialType[];
	/** The node's "On Error: Continue" setting. */
	continueOnFail?: boolean;
	/** The execution's cancel signal (aborted when the user presses Stop). */
	abortSignal?: AbortSignal;
	typeVersion?: number;
	/** Default 'manual' (the editor's Execute button). */
	mode?: WorkflowExecuteMode;
	/** Replaces services or URLs of the execution, e.g. `webhookWaitingBaseUrl`. */
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
	/** Runs once the execution exists, before the node does (e.g. to use its resume URL). */
	beforeRun?: (harness: HarnessWorkflow, additionalData: IWorkflowExecuteAdditionalData) => Promise<void> | void;
}

export interface NodeRun {
	/** What execute() returned; undefined when it threw. */
	output?: INodeExecutionData[][];
	/**
	 * What execute() threw, as thrown (e.g. a NodeApiError or NodeOperationError instance).
	 * Reported even with continueOnFail: a node is expected to turn its own failures into
	 * items, and n8n would only pass the input items through unchanged.
	 */
	error?: Error;
	hints: NodeExecutionHint[];
	/** The credential data after the run (preAuthentication may have refreshed a token). */
	credentials: CredentialDataByType;
	/** How often the run read a credential. */
	credentialReads(): number;
	harness: HarnessWorkflow;
	/** The execution's services, as the node saw them. */
	additionalData: IWorkflowExecuteAdditionalData;
	mode: WorkflowExecuteMode;
	/** The bytes of an output item's binary property, read through n8n's binary-data service. */
	readBinary(item: INodeExecutionData, property?: string): Promise<Buffer>;
}

export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const { harness, additionalData, credentialsHelper } = await prepareExecution({
		nodeType: options.node,
		parameters: options.parameters,
		items: options.items ?? [{ json: {} }],
		credentials: options.credentials,
		credentialTypes: options.credentialTypes,
		typeVersion: options.typeVersion,
		continueOnFail: options.continueOnFail,
	});
	Object.assign(additionalData, options.additionalData);
	await options.beforeRun?.(harness, additionalData);
	const mode = options.mode ?? 'manual';

	const run: NodeRun = { hints: [], credentials: credentialsHelper.store, credentialReads: () => credentialsHelper.decryptions, harness, additionalData, mode, readBinary: readItemBinary };
	return await execute(run, 0, options.abortSignal);
}

/** n8n-core's runNode of the run's node at this run index, on the run's execution data. */
async function execute(run: NodeRun, runIndex: number, abortSignal?: AbortSignal): Promise<NodeRun> {
	const { harness, additionalData, mode } = run;
	try {
		const response = await new WorkflowExecute(additionalData, mode, harness.runExecutionData).runNode(
			harness.workflow,
			harness.executeData,
			harness.runExecutionData,
			runIndex,
			additionalData,
			mode,
			abortSignal,
		);
		if (!('data' in response)) throw new Error('The node asked the engine to run sub-nodes, which the harness does not support');
		run.output = response.data ?? undefined;
		run.hints = response.hints ?? [];
	} catch (error) {
		run.error = error as Error;
	}
	return run;
}

/**
 * Runs the node once more in the same execution with new input items, as a loop (Loop Over Items,
 * Split In Batches) brings it back: the previous run's output and the new items are recorded in
 * the execution's run data as WorkflowExecute records them, and the node runs with the next run
 * index on the same execution data (its node context included).
 */
export async function runNodeAgain(previous: NodeRun, items: INodeExecutionData[], abortSignal?: AbortSignal): Promise<NodeRun> {
	const { harness } = previous;
	const { runData } = harness.runExecutionData.resultData;
	const executionIndex = Object.values(runData).reduce((count, runs) => count + runs.length, 0);
	const nodeRuns = (runData[harness.node.name] ??= []);
	nodeRuns.push({ startTime: Date.now(), executionTime: 0, executionIndex, source: [{ previousNode: inputNodeName }], data: { main: previous.output ?? [[]] } });
	const paired = items.map((item, index) => ({ pairedItem: { item: index }, ...item }));
	const inputRuns = runData[inputNodeName];
	inputRuns.push({ startTime: Date.now(), executionTime: 0, executionIndex: executionIndex + 1, source: [], data: { main: [paired] } });
	const executeData: IExecuteData = { node: harness.node, data: { main: [paired] }, source: { main: [{ previousNode: inputNodeName, previousNodeRun: inputRuns.length - 1 }] } };
	const run: NodeRun = { ...previous, output: undefined, error: undefined, hints: [], harness: { ...harness, executeData } };
	return await execute(run, nodeRuns.length, abortSignal);
}
