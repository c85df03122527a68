/**
 * A two-node workflow, "Input" -> the node under test, with Input's run already recorded, so
 * the node under test sees its items the way it would mid-workflow: `$json`, `$('Input')`,
 * paired items and the input source all resolve.
 */
import {
	NodeConnectionTypes,
	Workflow,
	createRunExecutionData,
	type IExecuteData,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IRunExecutionData,
	type IVersionedNodeType,
} from 'n8n-workflow';
import { name as packageName } from '../../../package.json';
import { HarnessNodeTypes } from './node-types';

export const inputNodeName = 'Input';
export const nodeUnderTestName = 'Node under test';

const inputNodeTypeName = 'n8n-nodes-base.manualTrigger';

/** Stands in for whatever produced the items; it never runs, its output is recorded up front. */
const inputNodeType: INodeType = {
	description: {
		displayName: 'Input',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Items handed to the node under test',
		defaults: { name: inputNodeName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
};

export interface HarnessWorkflowOptions {
	nodeType: INodeType | IVersionedNodeType;
	parameters: INodeParameters;
	items: INodeExecutionData[];
	/** Credential type names to attach to the node (as if the user picked a saved credential of each). */
	credentialTypeNames: string[];
	typeVersion?: number;
	continueOnFail?: boolean;
}

export interface HarnessWorkflow {
	workflow: Workflow;
	node: INode;
	runExecutionData: IRunExecutionData;
	executeData: IExecuteData;
	workflowId: string;
	executionId: string;
}

let executionCounter = 0;

/** How n8n names a community node's type: `<package name>.<description.name>`. */
export function nodeTypeNameOf(nodeType: INodeType | IVersionedNodeType): string {
	return `${packageName}.${nodeType.description.name}`;
}

export function latestVersionOf(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version, defaultVersion } = nodeType.description as INodeType['description'];
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

export function buildHarnessWorkflow(options: HarnessWorkflowOptions): HarnessWorkflow {
	const typeName = nodeTypeNameOf(options.nodeType);
	const workflowId = 'contract-test-workflow';
	const executionId = String(++executionCounter);

	const inputNode: INode = {
		id: 'input-node',
		name: inputNodeName,
		type: inputNodeTypeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node: INode = {
		id: 'node-under-test',
		name: nodeUnderTestName,
		type: typeName,
		typeVersion: options.typeVersion ?? latestVersionOf(options.nodeType),
		position: [220, 0],
		parameters: structuredClone(options.parameters),
		credentials: Object.fromEntries(
			options.credentialTypeNames.map((type) => [type, { id: `${type}-credential`, name: `${type} account` }]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};

	const workflow = new Workflow({
		id: workflowId,
		name: 'Contract test',
		nodes: [inputNode, node],
		connections: {
			[inputNodeName]: { main: [[{ node: nodeUnderTestName, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		active: false,
		nodeTypes: new HarnessNodeTypes({ [inputNodeTypeName]: inputNodeType, [typeName]: options.nodeType }),
		settings: { executionOrder: 'v1' },
	});

	const items = options.items.map((item, index) => ({ pairedItem: { item: index }, ...item }));
	const runExecutionData = createRunExecutionData({
		resultData: {
			runData: {
				[inputNodeName]: [
					{ startTime: Date.now(), executionTime: 0, executionIndex: 0, source: [], data: { main: [items] } },
				],
			},
			lastNodeExecuted: inputNodeName,
		},
	});
	const executeData: IExecuteData = {
		node: workflow.getNode(nodeUnderTestName) as INode,
		data: { main: [items] },
		source: { main: [{ previousNode: inputNodeName }] },
	};

	return { workflow, node: executeData.node, runExecutionData, executeData, workflowId, executionId };
}
