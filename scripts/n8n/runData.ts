import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IBinaryData, IDataObject, INodeExecutionData, ITaskData } from 'n8n-workflow';
import type { ExecutionJson } from './executionOutput';

export interface OutputSelector {
	/** Which run of the node (a node inside a loop runs more than once). Default 0. */
	runIndex?: number;
	/** Which output (e.g. 1 for an If node's false branch). Default 0. */
	outputIndex?: number;
}

/** Every run of a node; throws, naming the nodes that did run, when it never ran. */
export function nodeRuns(execution: ExecutionJson, nodeName: string): ITaskData[] {
	const runData = execution.data.resultData.runData;
	const runs = runData[nodeName];
	if (!runs) {
		throw new Error(`node "${nodeName}" did not run; nodes that ran: ${Object.keys(runData).join(', ') || 'none'}`);
	}
	return runs;
}

/** The items a node output (empty when it output none). */
export function nodeOutputItems(
	execution: ExecutionJson,
	nodeName: string,
	{ runIndex = 0, outputIndex = 0 }: OutputSelector = {},
): INodeExecutionData[] {
	const run = nodeRuns(execution, nodeName)[runIndex];
	if (!run) throw new Error(`node "${nodeName}" has no run ${runIndex}`);
	return run.data?.main?.[outputIndex] ?? [];
}

/** The `json` of each item a node output. */
export function nodeOutputJson(execution: ExecutionJson, nodeName: string, selector?: OutputSelector): IDataObject[] {
	return nodeOutputItems(execution, nodeName, selector).map((item) => item.json);
}

/** The error a node's run ended with (a node error fails the run unless the node continues on fail). */
export function nodeError(execution: ExecutionJson, nodeName: string, runIndex = 0): ITaskData['error'] {
	return nodeRuns(execution, nodeName)[runIndex]?.error;
}

export interface BinaryMetadata {
	mimeType: string;
	fileName?: string;
	fileExtension?: string;
	/** Size in bytes, when n8n recorded it. */
	bytes?: number;
	/** n8n's binary data id, e.g. `filesystem-v2:workflows/<wf>/executions/<n>/binary_data/<uuid>`. */
	id?: string;
}

/** Metadata of an item's binary property; throws when the item has no such property. */
export function binaryMetadata(item: INodeExecutionData, property = 'data'): BinaryMetadata {
	const binary: IBinaryData | undefined = item.binary?.[property];
	if (!binary) {
		throw new Error(`item has no binary "${property}"; it has: ${Object.keys(item.binary ?? {}).join(', ') || 'none'}`);
	}
	return {
		mimeType: binary.mimeType,
		fileName: binary.fileName,
		fileExtension: binary.fileExtension,
		bytes: typeof binary.bytes === 'number' ? binary.bytes : undefined,
		id: binary.id,
	};
}

/**
 * The bytes of an item's binary property. n8n keeps binaries of executions in the user folder
 * (`.n8n/storage/<path from the id>`), or inline as base64 when no id is given.
 */
export function binaryContent(userFolder: string, item: INodeExecutionData, property = 'data'): Buffer {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`item has no binary "${property}"`);
	if (!binary.id) return Buffer.from(binary.data, 'base64');
	const separator = binary.id.indexOf(':');
	const mode = binary.id.slice(0, separator);
	if (mode !== 'filesystem-v2') throw new Error(`binary stored in "${mode}" mode cannot be read from the user folder`);
	return readFileSync(join(userFolder, '.n8n', 'storage', binary.id.slice(separator + 1)));
}
