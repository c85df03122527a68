import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The Prompt parameter; each operation says what it is for. */
export function promptField(description: string, options: { required?: boolean; placeholder?: string } = {}): INodeProperties {
	return {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description,
		...options,
	};
}

/** The Prompt parameter where the endpoint needs one: an empty prompt is refused before anything is sent. */
export function readRequiredPrompt(context: IExecuteFunctions, itemIndex: number, purpose: string): string {
	const prompt = String(context.getNodeParameter('prompt', itemIndex, '') ?? '');
	if (!prompt.trim()) {
		throw new NodeOperationError(context.getNode(), `Prompt is empty; ${purpose}`, {
			itemIndex,
			description: 'This operation needs a prompt. Nothing was sent to PixVerse and no credits were used.',
		});
	}
	return prompt;
}
