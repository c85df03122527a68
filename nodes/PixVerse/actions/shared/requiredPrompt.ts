import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

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
