import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { kindOfId, MEDIA_KINDS } from '../../core/api/mediaKinds';
import { downloadResult } from '../../core/download';
import { asNodeError } from '../../core/transport/nodeErrors';
import { failureReason } from '../../core/videoStatus';
import { errorItem, videoItem } from '../actions/outputItems';
import type { AcceptedJob, DownloadSettings, PolledVideo, WaitedJob } from './jobs';
import { placeOf, resultIdsOf } from './jobs';

/**
 * The output part of the generation runtime: the item of each waited-for video, with its MP4.
 */

/** A node error that also lists the other videos of the run, so none is lost (or paid for twice). */
export function mentionAccepted(context: IExecuteFunctions, error: unknown, accepted: AcceptedJob[], itemIndex: number) {
	const nodeError = asNodeError(context.getNode(), error, itemIndex);
	if (!accepted.length) return nodeError;
	const ids = [...new Set(accepted.flatMap(resultIdsOf))].join(', ');
	const { noun, resource } = MEDIA_KINDS[kindOfId(accepted[0].videoId)];
	const nouns = noun === 'speech' ? 'speech clips' : `${noun}s`;
	nodeError.description = `${nodeError.description ?? ''}\nOther ${nouns} accepted in this run (charged, not lost): ${ids}. Check them with ${resource} > Get before running again.`.trim();
	return nodeError;
}

/** The item of a job that was submitted and not waited for (Don't Wait), under its kind's id field. */
export function submittedItem(job: WaitedJob): INodeExecutionData {
	const { idField } = MEDIA_KINDS[kindOfId(job.videoId)];
	return videoItem({ ...job.answer, [idField]: job.videoId, video_id: job.videoId, video_status_name: 'SUBMITTED', video_status_final: false }, job.itemIndex);
}

/**
 * The output item of one waited-for video: the record (with the MP4 when asked; `reused` when an
 * Idempotency Key found it instead of a new generation), the record with
 * `timed_out` when the wait ended first, or an error naming the id when it failed, was moderated
 * or could not be downloaded.
 */
export async function finishedItem(
	context: IExecuteFunctions | IWebhookFunctions,
	job: AcceptedJob,
	video: PolledVideo,
	{ download, binaryProperty, maxBytes }: DownloadSettings,
): Promise<INodeExecutionData> {
	const json: IDataObject = { ...video.record };
	if (job.answer.cost_credits !== undefined) json.cost_credits = job.answer.cost_credits;
	if (json.replyRef === undefined && job.answer.replyRef !== undefined) json.replyRef = job.answer.replyRef;
	if (job.answer.reused === true) json.reused = true;
	if (video.timedOut) {
		json.timed_out = true;
		if (video.lastError) json.last_error = video.lastError;
		return videoItem(json, job.itemIndex);
	}
	const { noun, resource } = MEDIA_KINDS[kindOfId(job.videoId)];
	const what = `${noun[0].toUpperCase()}${noun.slice(1)} ${job.videoId}`;
	if (video.outcome === 'failed' || video.outcome === 'moderated') {
		throw new NodeOperationError(context.getNode(), `${what} ${video.outcome === 'moderated' ? 'was moderated by PixVerse' : 'failed'}: ${failureReason(video.record)}`, {
			itemIndex: job.itemIndex,
			description: video.outcome === 'moderated' ? 'Change the prompt or image and run again.' : 'Run again; if it keeps failing, try another model or quality.',
		});
	}
	if (!download) return videoItem(json, job.itemIndex);
	try {
		const data = await downloadResult(context, String(video.record.url), job.videoId, { maxBytes });
		return videoItem(json, job.itemIndex, { property: binaryProperty, data });
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `${what} is finished but its download failed: ${(error as Error).message}`, {
			itemIndex: job.itemIndex,
			description: `The ${noun} is safe on PixVerse: download it again with ${resource} > Get (its download switch on), or from ${String(video.record.url)}`,
		});
	}
}

/**
 * Puts each job's finished item at its place in the output. A failure ends the run (naming the
 * other ids in `mention`) unless the node continues on fail, where it becomes an error item.
 */
export async function putFinishedItems(
	context: IExecuteFunctions,
	output: INodeExecutionData[],
	jobs: WaitedJob[],
	videos: Map<string, PolledVideo>,
	settings: DownloadSettings,
	mention: AcceptedJob[] = [],
): Promise<void> {
	for (const job of jobs) {
		const video = videos.get(job.videoId)!;
		try {
			output[placeOf(job)] = await finishedItem(context, job, video, settings);
		} catch (error) {
			if (!context.continueOnFail()) throw mentionAccepted(context, error, mention.filter((other) => other !== job), job.itemIndex);
			output[placeOf(job)] = errorItem(error, job.itemIndex, video.record);
		}
	}
}
