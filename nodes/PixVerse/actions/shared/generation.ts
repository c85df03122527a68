import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MediaKind } from '../../../core/api/mediaKinds';
import type { GenerationEndpoint } from '../../../core/api/results';
import type { GenerationCharge } from '../../../core/models/generationCharge';
import type { SettingProblem } from '../../../core/models/validate';
import { accountField } from './commonFields';
import { callbackBody, callbackOptionsField, callbackProblems, readCallbackOptions } from './callbackOptions';
import type { FileInput } from './fileInput';
import type { IdempotencySettings } from './idempotencyOptions';
import { readIdempotency } from './idempotencyOptions';
import { waitFields } from './waitFields';
import { generationReference } from '../../generation/lostAnswer';

/** Everything a generation POST needs, known before any request is sent. */
export interface PreparedGeneration {
	endpoint: GenerationEndpoint;
	body: IDataObject;
	/** Files to upload (or already uploaded paths) whose paths go into these body fields. */
	files: FileInput[];
	/** Set when the item has an Idempotency Key (sent as its replyRef). */
	idempotency?: IdempotencySettings;
	/** What it counts against a Credit Budget until the answer gives its price. */
	charge: GenerationCharge;
}

/**
 * The description under a refusal's headline (the first problem's message): what it does not say
 * already, i.e. the parameter and value, the other problems, and that nothing was charged.
 */
export function problemsDescription([first, ...others]: SettingProblem[]): string {
	const where = (problem: SettingProblem) => `parameter "${problem.field}", value ${JSON.stringify(problem.value)}`;
	return [
		`Set by ${where(first)}.`,
		...(others.length ? ['Also:', ...others.map((problem) => `• ${problem.message} (${where(problem)})`)] : []),
		'Nothing was sent to PixVerse and no credits were used.',
	].join('\n');
}

export function rejectProblems(context: IExecuteFunctions, itemIndex: number, problems: SettingProblem[]): void {
	if (!problems.length) return;
	throw new NodeOperationError(context.getNode(), problems[0].message, { itemIndex, description: problemsDescription(problems) });
}

/** Fields every generating operation ends with: the account, how to wait and download, then options. */
export function generationOptions(kind: MediaKind = 'video'): INodeProperties[] {
	return [accountField, ...waitFields({ kind }), callbackOptionsField];
}

/**
 * Adds the item's callback options (replyUrl, replyRef) to a prepared request, checked first.
 * Every generation carries a reference: the item's Idempotency Key, else the user's replyRef,
 * else a unique one, by which its job is found when the answer to the POST is lost.
 */
export function withCallbackOptions(context: IExecuteFunctions, itemIndex: number, prepared: PreparedGeneration): PreparedGeneration {
	const callback = readCallbackOptions(context, itemIndex);
	const { settings: idempotency, problems } = readIdempotency(context, itemIndex, callback.replyRef);
	rejectProblems(context, itemIndex, [...callbackProblems(callback), ...problems]);
	callback.replyRef = idempotency?.key ?? callback.replyRef ?? generationReference(context, itemIndex);
	return { ...prepared, body: { ...prepared.body, ...callbackBody(callback) }, ...(idempotency ? { idempotency } : {}) };
}
