import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { checkVideosOnce, submittedVideo } from '../../wait/pollVideos';
import type { PolledVideo } from '../../wait/pollVideos';
import type { PreparedGeneration } from './generation';
import type { AcceptedJob } from './submitGeneration';
import { BUSY, submitGeneration } from './submitGeneration';
import type { WaitSettings } from './waitFields';

export interface BatchOutcome {
	accepted: AcceptedJob[];
	/** Every accepted video's last known state (only when waiting). */
	videos: Map<string, PolledVideo>;
	/** Items that were not accepted, with why. */
	failures: Map<number, unknown>;
}

export interface BatchSettings {
	wait: WaitSettings;
	/** How many of this batch's videos may render at once (see slotLimit). */
	limit: number;
	/** Called with an item's submit error; throws to end the batch (no continueOnFail). */
	onSubmitError: (error: unknown, itemIndex: number, accepted: AcceptedJob[]) => void;
}

/** How often items that found every slot busy are sent again when the node is not polling. */
const BUSY_RETRY_MS = 5000;

const isOutOfCredits = (error: unknown) => (error as { httpCode?: string }).httpCode === '412';

/**
 * Submits items as slots free up and polls every outstanding video together, so N videos on S
 * slots take about ceil(N / S) render times. A 429 is back-pressure: the item waits for the next
 * round, it is never counted as a failure. Out of credits (412) stops submitting; what was
 * accepted is still waited on. Items not submitted by the deadline fail without being charged.
 */
export async function runBatch(context: IExecuteFunctions, queue: Array<{ itemIndex: number; generation: PreparedGeneration }>, settings: BatchSettings): Promise<BatchOutcome> {
	const { wait } = settings;
	const signal = context.getExecutionCancelSignal();
	const deadline = Date.now() + wait.timeoutMs;
	const outcome: BatchOutcome = { accepted: [], videos: new Map(), failures: new Map() };
	const rendering = new Set<string>();
	let stopReason: string | undefined;

	const submitWhileRoom = async () => {
		while (queue.length && rendering.size < settings.limit && !stopReason) {
			const { itemIndex, generation } = queue[0];
			let result: AcceptedJob | typeof BUSY;
			try {
				result = await submitGeneration(context, itemIndex, generation);
			} catch (error) {
				queue.shift();
				if (isOutOfCredits(error)) stopReason = 'the PixVerse account ran out of credits earlier in this batch';
				settings.onSubmitError(error, itemIndex, outcome.accepted);
				outcome.failures.set(itemIndex, error);
				continue;
			}
			if (result === BUSY) return;
			queue.shift();
			outcome.accepted.push(result);
			if (wait.mode === 'poll') {
				outcome.videos.set(result.videoId, submittedVideo(result.videoId));
				rendering.add(result.videoId);
			}
		}
	};

	for (;;) {
		await submitWhileRoom();
		if (stopReason) queue.splice(0).forEach(({ itemIndex }) => outcome.failures.set(itemIndex, new NodeOperationError(context.getNode(), `Not submitted: ${stopReason}`, { itemIndex })));
		if (!queue.length && !rendering.size) break;

		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			for (const videoId of rendering) outcome.videos.get(videoId)!.timedOut = true;
			for (const { itemIndex } of queue.splice(0)) {
				outcome.failures.set(itemIndex, new NodeOperationError(context.getNode(), 'Not submitted: no PixVerse slot became free before the timeout', {
					itemIndex,
					description: 'Nothing was sent or charged for this item. Raise the timeout, lower the batch size, or add accounts.',
				}));
			}
			break;
		}
		// Without polling, slots are found by trying again: a 429 costs nothing, so a short wait.
		const pause = wait.mode === 'poll' ? wait.intervalMs : BUSY_RETRY_MS;
		await sleep(Math.min(pause, remaining), signal);
		await checkVideosOnce(context, outcome.videos, [...rendering], signal);
		for (const videoId of [...rendering]) {
			if (outcome.videos.get(videoId)!.outcome !== 'pending') rendering.delete(videoId);
		}
	}
	return outcome;
}
