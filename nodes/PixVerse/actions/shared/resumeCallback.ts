import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callbackModeProblems, executionResumeUrl } from '../../wait/resumeUrl';
import type { PreparedGeneration } from './generation';
import { rejectProblems } from './generation';

/** The execution's resume URL, checked for callback mode before any item is read or sent. */
export async function callbackResumeUrl(context: IExecuteFunctions): Promise<string> {
	const resumeUrl = executionResumeUrl(context);
	rejectProblems(context, 0, await callbackModeProblems(context, resumeUrl));
	return resumeUrl;
}

/**
 * Sends the item's generation with the execution's resume URL as replyUrl, and a replyRef naming
 * the execution and item unless the user set one. A Callback URL of the user's own would take
 * the callbacks elsewhere, so it is refused.
 */
export function withResumeCallback(context: IExecuteFunctions, itemIndex: number, prepared: PreparedGeneration, resumeUrl: string): PreparedGeneration {
	if (prepared.body.replyUrl !== undefined) {
		rejectProblems(context, itemIndex, [
			{
				field: 'options.replyUrl',
				value: prepared.body.replyUrl,
				message: 'A Callback URL (replyUrl) cannot be set with "Resume When PixVerse Calls Back": useapi.net must call this execution back. Remove it, or choose another wait mode.',
			},
		]);
	}
	const body: IDataObject = { ...prepared.body, replyUrl: resumeUrl };
	if (body.replyRef === undefined) body.replyRef = `n8n-execution-${context.getExecutionId()}-item-${itemIndex}`;
	return { ...prepared, body };
}
