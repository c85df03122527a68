import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../core/transport/nodeErrors';
import type { OperationDefinition } from './operation';
import { RESOURCES } from './resources';
import { errorItem, simplifiedWhereAsked } from './outputItems';
import { runGenerations } from '../generation/batch';
import { withInputChecks } from './shared/inputChecks';

export function findOperation(resource: string, operation: string): OperationDefinition | undefined {
	return RESOURCES.find((candidate) => candidate.value === resource)?.operations.find((candidate) => candidate.value === operation);
}

async function eachItem(context: IExecuteFunctions, run: (itemIndex: number) => Promise<INodeExecutionData[]>): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...(await run(itemIndex)));
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context.getNode(), error, itemIndex);
			output.push(errorItem(error, itemIndex));
		}
	}
	return output;
}

/**
 * n8n's Retry On Fail runs the whole node again after an error: every item would be sent again,
 * including videos already accepted and charged. So a generating operation refuses it up front.
 */
function refuseRetryOnFail(context: IExecuteFunctions): void {
	if (!context.getNode().retryOnFail) return;
	throw new NodeOperationError(context.getNode(), 'Retry On Fail cannot be used with an operation that starts paid videos', {
		description:
			'Nothing was sent to PixVerse. When this node fails, n8n runs it again for every item, so videos already accepted (and charged) would be started and paid for again. ' +
			'Turn Retry On Fail off in the node settings. To handle failures, set On Error to "Continue (using error output)" and re-run only the failed items; ' +
			'for videos that were accepted but not finished, use Video > Wait for Completion with their video IDs.',
	});
}

export async function route(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const definition = findOperation(resource, operation);
	if (!definition) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	const output = await runOperation(context, definition);
	return definition.outputsVideos ? simplifiedWhereAsked(context, output) : output;
}

async function runOperation(context: IExecuteFunctions, definition: OperationDefinition): Promise<INodeExecutionData[]> {
	const { run } = definition;
	switch (run.kind) {
		case 'generation':
			refuseRetryOnFail(context);
			return await runGenerations(context, withInputChecks(definition.fields, run.prepare));
		case 'perItem':
			return await eachItem(context, async (itemIndex) => [await run.execute(context, itemIndex)]);
		case 'list':
			return await eachItem(context, async (itemIndex) => await run.execute(context, itemIndex));
		case 'batch':
			return await run.execute(context);
	}
}
