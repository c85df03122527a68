import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../transport/nodeErrors';
import { downloadVideo } from '../../wait/downloadVideo';
import type { PolledVideo } from '../../wait/pollVideos';
import { slotLimit } from '../../wait/slotLimit';
import { failureReason } from '../../wait/videoStatus';
import type { PreparedGeneration } from './generation';
import { withCallbackOptions } from './generation';
import { errorItem, videoItem } from './outputItems';
import { runBatch } from './runBatch';
import type { AcceptedJob } from './submitGeneration';
import { readWaitSettings } from './waitFields';

type Prepare = (context: IExecuteFunctions, itemIndex: number) => PreparedGeneration | Promise<PreparedGeneration>;

function mentionAccepted(context: IExecuteFunctions, error: unknown, accepted: AcceptedJob[], itemIndex: number) {
	const nodeError = asNodeError(context.getNode(), error, itemIndex);
	if (!accepted.length) return nodeError;
	const ids = accepted.map((job) => job.videoId).join(', ');
	nodeError.description = `${nodeError.description ?? ''}\nOther videos accepted in this run (charged, not lost): ${ids}. Check them with Video > Get before running again.`.trim();
	return nodeError;
}

async function finishedItem(context: IExecuteFunctions, job: AcceptedJob, video: PolledVideo, download: boolean, binaryProperty: string): Promise<INodeExecutionData> {
	const json: IDataObject = { ...video.record };
	if (job.answer.cost_credits !== undefined) json.cost_credits = job.answer.cost_credits;
	if (video.timedOut) {
		json.timed_out = true;
		if (video.lastError) json.last_error = video.lastError;
		return videoItem(json, job.itemIndex);
	}
	if (video.outcome === 'failed' || video.outcome === 'moderated') {
		throw new NodeOperationError(context.getNode(), `Video ${job.videoId} ${video.outcome === 'moderated' ? 'was moderated by PixVerse' : 'failed'}: ${failureReason(video.record)}`, {
			itemIndex: job.itemIndex,
			description: video.outcome === 'moderated' ? 'Change the prompt or image and run again.' : 'Run again; if it keeps failing, try another model or quality.',
		});
	}
	if (!download) return videoItem(json, job.itemIndex);
	try {
		const data = await downloadVideo(context, String(video.record.url), job.videoId);
		return videoItem(json, job.itemIndex, { property: binaryProperty, data });
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `Video ${job.videoId} is finished but its download failed: ${(error as Error).message}`, {
			itemIndex: job.itemIndex,
			description: `The video is safe on PixVerse: download it again with Video > Get (Download Video on), or from ${String(video.record.url)}`,
		});
	}
}

/**
 * Runs one generation per input item: every item is checked before anything is sent, then items
 * are submitted as slots free up and waited on together (runBatch). Outputs keep input order and
 * pairing; every accepted video id reaches the output or the error.
 */
export async function runGenerations(context: IExecuteFunctions, prepare: Prepare): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const prepared: Array<PreparedGeneration | undefined> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared[itemIndex] = withCallbackOptions(context, itemIndex, await prepare(context, itemIndex));
		} catch (error) {
			if (!continueOnFail) throw asNodeError(context.getNode(), error, itemIndex);
			output[itemIndex] = errorItem(error, itemIndex);
		}
	}

	const wait = readWaitSettings(context);
	const queue = prepared.flatMap((generation, itemIndex) => (generation ? [{ itemIndex, generation }] : []));
	const limit = wait.mode === 'poll' ? await slotLimit(context, wait.maxConcurrent, (context.getNodeParameter('account', 0, '') as string).trim()) : Number.POSITIVE_INFINITY;
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

	for (const job of accepted) {
		const video = videos.get(job.videoId)!;
		try {
			output[job.itemIndex] = await finishedItem(context, job, video, wait.download, wait.binaryProperty);
		} catch (error) {
			if (!continueOnFail) throw mentionAccepted(context, error, accepted.filter((other) => other !== job), job.itemIndex);
			output[job.itemIndex] = errorItem(error, job.itemIndex, video.record);
		}
	}
	return output;
}
