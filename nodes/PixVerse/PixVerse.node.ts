import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeProperties } from './actions/description';
import type { OperationDefinition } from './actions/operation';
import { errorItem, simplifiedWhereAsked } from './actions/outputItems';
import { RESOURCES } from './actions/resources';
import { withInputChecks } from './actions/shared/inputChecks';
import { runGenerations } from './generation/batch';
import { RESUME_WEBHOOKS } from './generation/callback';
import { resumeOnCallback } from './generation/resume';
import { getRestyles, getSpeechVoices, getVoices } from './methods/catalogOptions';
import { searchEffects } from './methods/listSearch';
import { getAccounts } from '../core/accountOptions';
import { asNodeError } from '../core/transport/nodeErrors';

export class PixVerse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PixVerse',
		name: 'pixVerse',
		icon: { light: 'file:../../icons/pixverse.svg', dark: 'file:../../icons/pixverse.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Generate, extend, upscale and lip-sync PixVerse videos through useapi.net',
		defaults: { name: 'PixVerse' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'useApiApi', required: true }],
		webhooks: RESUME_WEBHOOKS,
		properties: nodeProperties(RESOURCES),
	};

	methods = { loadOptions: { getAccounts, getVoices, getRestyles, getSpeechVoices }, listSearch: { searchEffects } };

	/** Resumes an execution parked by "Resume When PixVerse Calls Back" when useapi.net calls back. */
	webhook = resumeOnCallback;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const definition = RESOURCES.find((candidate) => candidate.value === resource)?.operations.find((candidate) => candidate.value === operation);
		if (!definition) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
		}
		const output = await runOperation(this, definition);
		return [definition.outputsResults ? simplifiedWhereAsked(this, output) : output];
	}
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
