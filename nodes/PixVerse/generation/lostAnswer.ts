import { NodeApiError, NodeOperationError, randomString } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../core/api/endpoints';
import { kindOfEndpoint, MEDIA_KINDS } from '../../core/api/mediaKinds';
import type { AcceptedGeneration, GenerationEndpoint } from '../../core/api/results';
import { findByReference, searchedPlaces } from './findByReference';

/**
 * A generation POST whose answer was lost (timeout, reset) may still have started a paid job.
 * It is never sent again; instead the job is looked up by the reference (replyRef) every
 * generation carries, so its id is not lost.
 */

/**
 * The reference a generation carries when the user gave none: unique to this execution, item and
 * POST. It ends in `-item-<n>`, which a resumed execution reads to place a callback.
 */
export function generationReference(context: IExecuteFunctions, itemIndex: number): string {
	return `n8n-execution-${context.getExecutionId()}-${randomString(8)}-item-${itemIndex}`;
}

/** The transport's error when no HTTP answer came at all (an answer always has a status code). */
export function isLostAnswer(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && !error.httpCode;
}

/** Jobs started this long before the POST are not ours, whatever their reference (clock skew allowed). */
const CLOCK_SKEW_MS = 5 * 60_000;

interface LostSubmit {
	endpoint: GenerationEndpoint;
	itemIndex: number;
	reference: string;
	email?: string;
	/** When the POST was sent (ms). */
	sentAt: number;
	error: NodeApiError;
}

/**
 * Looks the job of a lost answer up among the running jobs and the videos started since shortly
 * before the POST (findByReference), matching on the reference only. Both are read, so a
 * reference the user gave to more than one job (a running one, a finished one) is seen to be
 * ambiguous: only a single job carrying it is claimed. With none or several, the error says
 * where it looked, with the reference to check later.
 */
export async function recoverLostAnswer(context: IExecuteFunctions, lost: LostSubmit): Promise<AcceptedGeneration> {
	const { itemIndex, reference, email, sentAt } = lost;
	const kind = kindOfEndpoint(lost.endpoint);
	const search = { since: new Map([[reference, sentAt - CLOCK_SKEW_MS]]), account: email, kind };
	let found;
	try {
		found = await findByReference(context, search, { itemIndex, signal: context.getExecutionCancelSignal() });
	} catch (lookupError) {
		throw lostAnswerError(context, lost, `Looking the job up failed too (${(lookupError as Error).message}).`);
	}
	if (found.length === 1) {
		const [{ videoId, foundIn }] = found;
		return { videoId, answer: { [MEDIA_KINDS[kind].idField]: videoId, replyRef: reference, recovered_from: foundIn } };
	}
	throw lostAnswerError(
		context,
		lost,
		found.length
			? `${found.length} jobs carry that reference (${found.map((job) => job.videoId).join(', ')}), so none was claimed.`
			: `Looked in ${searchedPlaces(search, 'the entries created since 5 minutes before the request')} and found no job with that reference.`,
	);
}

function lostAnswerError(context: IExecuteFunctions, { endpoint, itemIndex, reference, error }: LostSubmit, outcome: string): NodeOperationError {
	const { noun, resource } = MEDIA_KINDS[kindOfEndpoint(endpoint)];
	return new NodeOperationError(context.getNode(), `The answer to ${ENDPOINTS[endpoint]} was lost (${error.message}); its job was not found (replyRef "${reference}")`, {
		itemIndex,
		description:
			`${outcome} The request may still have started a ${noun}, so it was not sent again (that could charge twice). ` +
			`Check ${resource} → Get Many with Filters → Callback Reference (replyRef) "${reference}" (or a PixVerse Trigger filtering on it) before running this item again.`,
	});
}
