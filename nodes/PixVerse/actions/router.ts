import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../core/transport/nodeErrors';
import type { OperationDefinition } from './operation';
import { RESOURCES } from './resources';
import { errorItem, simplifiedWhereAsked } from './outputItems';
import { runGenerations } from '../generation/batch';

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

async function runOperation(context: IExecuteFunctions, { run }: OperationDefinition): Promise<INodeExecutionData[]> {
	switch (run.kind) {
		case 'generation':
			return await runGenerations(context, run.prepare);
		case 'perItem':
			return await eachItem(context, async (itemIndex) => [await run.execute(context, itemIndex)]);
		case 'list':
			return await eachItem(context, async (itemIndex) => await run.execute(context, itemIndex));
		case 'batch':
			return await run.execute(context);
	}
}
