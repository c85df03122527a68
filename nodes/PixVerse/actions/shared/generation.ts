import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GenerationEndpoint } from '../../../core/api/videos';
import type { SettingProblem } from '../../../core/models/validate';
import { accountField } from './commonFields';
import { callbackBody, callbackOptionsField, callbackProblems, readCallbackOptions } from './callbackOptions';
import type { FileInput } from './fileInput';
import { waitFields } from './waitFields';
import { generationReference } from '../../generation/lostAnswer';

/** Everything a generation POST needs, known before any request is sent. */
export interface PreparedGeneration {
	endpoint: GenerationEndpoint;
	body: IDataObject;
	/** Files to upload (or already uploaded paths) whose paths go into these body fields. */
	files: FileInput[];
}

export function rejectProblems(context: IExecuteFunctions, itemIndex: number, problems: SettingProblem[]): void {
	if (!problems.length) return;
	const [first] = problems;
	throw new NodeOperationError(context.getNode(), first.message, {
		itemIndex,
		description: `${problems.map((problem) => `• ${problem.message} (parameter "${problem.field}", value ${JSON.stringify(problem.value)})`).join('\n')}\nNothing was sent to PixVerse and no credits were used.`,
	});
}

/** Fields every generating operation ends with: the account, how to wait and download, then options. */
export function generationOptions(): INodeProperties[] {
	return [accountField, ...waitFields(), callbackOptionsField];
}

/**
 * Adds the item's callback options (replyUrl, replyRef) to a prepared request, checked first.
 * Every generation carries a reference: the user's replyRef, else a unique one, by which its job
 * is found when the answer to the POST is lost.
 */
export function withCallbackOptions(context: IExecuteFunctions, itemIndex: number, prepared: PreparedGeneration): PreparedGeneration {
	const callback = readCallbackOptions(context, itemIndex);
	rejectProblems(context, itemIndex, callbackProblems(callback));
	callback.replyRef ??= generationReference(context, itemIndex);
	return { ...prepared, body: { ...prepared.body, ...callbackBody(callback) } };
}
