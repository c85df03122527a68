import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defaultAccount } from '../../transport/defaultAccount';
import { pixverseRequest } from '../../transport/request';
import { signReplyUrl } from './callbackOptions';
import { resolveFileInput } from './fileInput';
import type { PreparedGeneration } from './generation';

export interface AcceptedJob {
	itemIndex: number;
	videoId: string;
	answer: IDataObject;
}

/** The answer when every eligible account is at its concurrency limit: nothing was accepted. */
export const BUSY = 'busy';

/**
 * Uploads the item's files (once, even when the POST has to wait for a slot) and sends the
 * generation. A 429 comes back as BUSY for the batch to retry when a slot frees; anything else
 * that fails is final for this item (the transport never re-sends a generation).
 */
export async function submitGeneration(
	context: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedGeneration,
): Promise<AcceptedJob | typeof BUSY> {
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim();
	if (email) prepared.body.email = email;
	for (const file of prepared.files.splice(0)) {
		prepared.body[file.field] = await resolveFileInput(context, itemIndex, file, email || ('path' in file ? undefined : await defaultAccount(context)));
	}
	const body: IDataObject = { ...prepared.body };
	await signReplyUrl(context, body);
	const response = await pixverseRequest.call(context, {
		method: 'POST',
		path: prepared.path,
		body,
		kind: 'generation',
		passStatuses: [429],
		itemIndex,
		signal: context.getExecutionCancelSignal(),
	});
	if (response.statusCode === 429) return BUSY;
	const answer = response.body as IDataObject;
	const videoId = answer.video_id ?? answer.image_id;
	if (typeof videoId !== 'string' || !videoId) {
		throw new NodeOperationError(context.getNode(), 'PixVerse accepted the request but returned no video ID', {
			itemIndex,
			description: `useapi.net answered: ${JSON.stringify(answer).slice(0, 300)}. Check Video > List before running again.`,
		});
	}
	return { itemIndex, videoId, answer };
}
