import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../transport/nodeErrors';
import { runGenerations } from './shared/runGenerations';
import { errorItem } from './shared/outputItems';
import { getVideo, prepareCreate } from './video';

type PerItem = (context: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData>;

async function eachItem(context: IExecuteFunctions, run: PerItem): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(await run(context, itemIndex));
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
	const key = `${resource}:${operation}`;
	switch (key) {
		case 'video:create':
			return await runGenerations(context, prepareCreate);
		case 'video:get':
			return await eachItem(context, getVideo);
		default:
			throw new NodeOperationError(context.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
}
