import { NodeApiError, NodeOperationError, randomString } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../../core/api/endpoints';
import { listRunningJobs } from '../../core/api/scheduler';
import type { AcceptedGeneration, GenerationEndpoint } from '../../core/api/videos';
import { listVideos } from '../../core/api/videos';
import { replyRefOf } from '../../core/videoStatus';

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

/** How many of the newest videos are searched (useapi's page limit). */
const VIDEO_PAGE = 50;
/** Jobs started this long before the POST are not ours, whatever their reference (clock skew allowed). */
const CLOCK_SKEW_MS = 5 * 60_000;

const startedBefore = (value: unknown, sentAt: number) => typeof value === 'string' && Date.parse(value) < sentAt - CLOCK_SKEW_MS;

/** The ids of the jobs that carry this reference and may be ours. */
function matching(jobs: IDataObject[], reference: string, idField: string, timeField: string, sentAt: number): string[] {
	return jobs.filter((job) => replyRefOf(job) === reference && !startedBefore(job[timeField], sentAt)).map((job) => String(job[idField]));
}

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
 * Looks the job of a lost answer up among the running jobs (GET /scheduler) and the newest videos
 * (GET /videos), matching on the reference only. Both are read, so a reference the user gave to
 * more than one job (a running one, a finished one) is seen to be ambiguous: only a single job
 * carrying it is claimed. With none or several, the error says where it looked, with the
 * reference to check later.
 */
export async function recoverLostAnswer(context: IExecuteFunctions, lost: LostSubmit): Promise<AcceptedGeneration> {
	const { itemIndex, reference, email, sentAt } = lost;
	const options = { itemIndex, signal: context.getExecutionCancelSignal() };
	const videosSearched = `${ENDPOINTS.listVideos} (the newest ${VIDEO_PAGE}${email ? ` of ${email}` : ''})`;
	const foundIn = new Map<string, string>();
	try {
		for (const id of matching(await listRunningJobs(context, options), reference, 'id', 'started', sentAt)) foundIn.set(id, ENDPOINTS.listRunningJobs);
		const videos = await listVideos(context, { email, limit: VIDEO_PAGE, offset: 0 }, options);
		for (const id of matching(videos, reference, 'video_id', 'created_at', sentAt)) if (!foundIn.has(id)) foundIn.set(id, ENDPOINTS.listVideos);
	} catch (lookupError) {
		throw lostAnswerError(context, lost, `Looking the job up failed too (${(lookupError as Error).message}).`);
	}
	const found = [...foundIn];
	if (found.length === 1) {
		const [[videoId, where]] = found;
		return { videoId, answer: { video_id: videoId, replyRef: reference, recovered_from: where } };
	}
	throw lostAnswerError(
		context,
		lost,
		found.length
			? `${found.length} jobs carry that reference (${found.map(([id]) => id).join(', ')}), so none was claimed.`
			: `Looked in ${ENDPOINTS.listRunningJobs} and ${videosSearched} and found no job with that reference.`,
	);
}

function lostAnswerError(context: IExecuteFunctions, { endpoint, itemIndex, reference, error }: LostSubmit, outcome: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The answer to ${ENDPOINTS[endpoint]} was lost (${error.message}); its job was not found (replyRef "${reference}")`, {
		itemIndex,
		description:
			`${outcome} The request may still have started a video, so it was not sent again (that could charge twice). ` +
			`Check Video → Get Many (or a PixVerse Trigger filtering on this replyRef) for a video with replyRef "${reference}" before running this item again.`,
	});
}
