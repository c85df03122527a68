import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../transport/nodeErrors';
import { checkVideosOnce, submittedVideo } from '../../wait/pollVideos';
import { slotLimit } from '../../wait/slotLimit';
import { putFinishedItems, mentionAccepted } from './finishedItems';
import type { PreparedGeneration } from './generation';
import { withCallbackOptions } from './generation';
import { errorItem, videoItem } from './outputItems';
import { callbackResumeUrl, withResumeCallback } from './resumeCallback';
import { runBatch } from './runBatch';
import { settleOrPark } from './settleOrPark';
import { readWaitSettings } from './waitFields';

type Prepare = (context: IExecuteFunctions, itemIndex: number) => PreparedGeneration | Promise<PreparedGeneration>;

/**
 * Runs one generation per input item: every item is checked before anything is sent, then items
 * are submitted as slots free up and waited on together (runBatch). Outputs keep input order and
 * pairing; every accepted video id reaches the output or the error. In callback mode the run
 * ends parked (settleOrPark) and webhook() brings the videos out (resumeOnCallback).
 */
export async function runGenerations(context: IExecuteFunctions, prepare: Prepare): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const prepared: Array<PreparedGeneration | undefined> = [];
	const wait = readWaitSettings(context);
	const resumeUrl = wait.mode === 'callback' ? await callbackResumeUrl(context) : undefined;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const generation = withCallbackOptions(context, itemIndex, await prepare(context, itemIndex));
			prepared[itemIndex] = resumeUrl === undefined ? generation : withResumeCallback(context, itemIndex, generation, resumeUrl);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(context.getNode(), error, itemIndex);
			output[itemIndex] = errorItem(error, itemIndex);
		}
	}

	const queue = prepared.flatMap((generation, itemIndex) => (generation ? [{ itemIndex, generation }] : []));
	const limit = wait.mode === 'poll' ? await slotLimit(context, wait.maxConcurrent, (context.getNodeParameter('account', 0, '') as string).trim()) : Number.POSITIVE_INFINITY;
	const startedAt = Date.now();
	const { accepted, videos, failures } = await runBatch(context, queue, {
		wait,
		limit,
		onSubmitError: (error, itemIndex, acceptedSoFar) => {
			if (!continueOnFail) throw mentionAccepted(context, error, acceptedSoFar, itemIndex);
		},
	});
	for (const [itemIndex, error] of failures) output[itemIndex] = errorItem(error, itemIndex);

	if (wait.mode === 'none') {
		for (const job of accepted) {
			output[job.itemIndex] = videoItem({ ...job.answer, video_id: job.videoId, video_status_name: 'SUBMITTED', video_status_final: false }, job.itemIndex);
		}
		return output;
	}

	if (wait.mode === 'callback') {
		for (const job of accepted) videos.set(job.videoId, submittedVideo(job.videoId));
		await checkVideosOnce(context, videos, [...videos.keys()], context.getExecutionCancelSignal());
		return await settleOrPark(context, output, accepted, videos, { ...wait, deadline: new Date(startedAt + wait.timeoutMs) }, accepted);
	}

	await putFinishedItems(context, output, accepted, videos, wait, accepted);
	return output;
}
