import type { Readable } from 'node:stream';
import { prepareBinaryData } from 'n8n-core';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import { ensureN8nRuntime } from './n8n-runtime';

const inputLocation = { workflowId: 'contract-test-input', executionId: 'input' };

/**
 * Stores bytes in n8n's binary-data storage the way an upstream node's prepareBinaryData
 * would, for use as `items[i].binary[...]` of a harness run (e.g. an upload).
 */
export async function createInputBinary(
	data: Buffer | Readable,
	fileName: string,
	mimeType?: string,
): Promise<IBinaryData> {
	await ensureN8nRuntime();
	return await prepareBinaryData(data, inputLocation.executionId, inputLocation.workflowId, fileName, mimeType);
}

/** The bytes of a binary, whichever storage mode holds them. */
export async function readBinaryData(binary: IBinaryData): Promise<Buffer> {
	const { binaryDataService } = await ensureN8nRuntime();
	return await binaryDataService.getAsBuffer(binary);
}

export async function readItemBinary(item: INodeExecutionData, property = 'data'): Promise<Buffer> {
	const binary = item.binary?.[property];
	if (!binary) {
		throw new Error(`The item has no binary property "${property}" (has: ${Object.keys(item.binary ?? {}).join(', ') || 'none'})`);
	}
	return await readBinaryData(binary);
}
