import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { answeredIds } from '../../../core/api/mediaKinds';
import { asNodeError } from '../../../core/transport/nodeErrors';
import { checkVideosOnce, pollUntilSettled } from '../../generation/batch';
import type { PolledVideo, WaitedJob } from '../../generation/jobs';
import { placeOf, submittedVideo } from '../../generation/jobs';
import { callbackResumeUrl, settleOrPark, videosNotCallingBack } from '../../generation/callback';
import { putFinishedItems } from '../../generation/output';
import type { OperationDefinition } from '../operation';
import { errorItem } from '../outputItems';
import { readWaitSettings, waitFields } from '../shared/waitFields';

const fields: INodeProperties[] = [
	{
		displayName: 'Video IDs',
		name: 'videoIds',
		type: 'string',
		default: '={{ $json.video_id }}',
		required: true,
		placeholder: 'user:12345-pixverse:you@example.com-video:987654',
		description:
			'The video_id of each video to wait for: one per input item (e.g. from an earlier run that timed out), or a list separated by commas or new lines. Each ID gives one output item.',
	},
	...waitFields({ submits: false }),
];

const VIDEO_ID = /-(video|image|speech|music):\d+$/;

/** The ids an item names: a string (split at commas, spaces, new lines) or a list, also of records (video, image, speech or music). */
function namedIds(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
	return entries
		.map((entry) => (entry && typeof entry === 'object' ? answeredIds(entry as IDataObject)[0] : entry))
		.map((entry) => String(entry ?? '').trim())
		.filter(Boolean);
}

function readIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const ids = namedIds(context.getNodeParameter('videoIds', itemIndex, ''));
	if (!ids.length) {
		throw new NodeOperationError(context.getNode(), 'No video ID given (parameter "Video IDs")', {
			itemIndex,
			description: 'Give the video_id of an earlier PixVerse step, e.g. {{ $json.video_id }}, or a list of IDs.',
		});
	}
	const wrong = ids.find((id) => !VIDEO_ID.test(id));
	if (wrong !== undefined) {
		throw new NodeOperationError(context.getNode(), `"${wrong.slice(0, 80)}" is not a PixVerse video ID (parameter "Video IDs")`, {
			itemIndex,
			description: 'A video ID looks like user:12345-pixverse:you@example.com-video:987654 (or …-image:, …-speech:, …-music:<number> for an image, speech clip or music track). Nothing was requested.',
		});
	}
	return ids;
}

/** Callback mode: waits by callback for the videos that will call back, fails (or reports) the others by id. */
async function waitByCallback(context: IExecuteFunctions, output: INodeExecutionData[], jobs: WaitedJob[], videos: Map<string, PolledVideo>, deadline: Date): Promise<INodeExecutionData[]> {
	const resumeUrl = await callbackResumeUrl(context);
	const wait = readWaitSettings(context);
	await checkVideosOnce(context, videos, [...videos.keys()]);
	const rendering = () => [...videos].filter(([, video]) => video.outcome === 'pending').map(([videoId]) => videoId);
	const reasons = await videosNotCallingBack(context, rendering(), resumeUrl);
	// A video may have finished between the two reads; only one still rendering is a problem.
	await checkVideosOnce(context, videos, [...reasons.keys()]);
	const waited: WaitedJob[] = [];
	for (const job of jobs) {
		const reason = videos.get(job.videoId)!.outcome === 'pending' ? reasons.get(job.videoId) : undefined;
		if (!reason) {
			waited.push(job);
			continue;
		}
		const error = new NodeOperationError(context.getNode(), `Video ${job.videoId} will not call this execution back: ${reason}`, {
			itemIndex: job.itemIndex,
			description: 'Resume When PixVerse Calls Back waits for videos submitted in this execution with {{ $execution.resumeUrl }} as Callback URL. Wait for this one with Poll Until Done.',
		});
		if (!context.continueOnFail()) throw error;
		output[placeOf(job)] = errorItem(error, job.itemIndex, videos.get(job.videoId)!.record);
	}
	return await settleOrPark(context, output, waited, videos, { ...wait, deadline });
}

/**
 * Waits for videos submitted earlier (in this run, or in one that timed out) in the chosen mode,
 * and brings each out as the generating operations do: finished with its MP4, failed with an
 * error naming it, or still rendering at the deadline with `timed_out`.
 */
async function waitForVideos(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const wait = readWaitSettings(context);
	const deadline = new Date(Date.now() + wait.timeoutMs);
	const output: INodeExecutionData[] = [];
	const jobs: WaitedJob[] = [];
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			for (const videoId of readIds(context, itemIndex)) jobs.push({ itemIndex, videoId, answer: {}, position: output.push({ json: {} }) - 1 });
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context.getNode(), error, itemIndex);
			output.push(errorItem(error, itemIndex));
		}
	}
	const videos = new Map(jobs.map((job) => [job.videoId, submittedVideo(job.videoId)]));
	if (wait.mode === 'callback') return await waitByCallback(context, output, jobs, videos, deadline);
	await checkVideosOnce(context, videos);
	await pollUntilSettled(context, videos, { intervalMs: wait.intervalMs, deadline: deadline.getTime() });
	await putFinishedItems(context, output, jobs, videos, wait);
	return output;
}

export const waitForCompletionOperation: OperationDefinition = {
	value: 'waitForCompletion',
	name: 'Wait for Completion',
	action: 'Wait for videos to complete',
	description: 'Wait for videos submitted earlier (e.g. in a run that timed out) by polling or until PixVerse calls back, then download them',
	endpoint: `${ENDPOINTS.getVideo} + ${ENDPOINTS.listRunningJobs}`,
	fields,
	outputsResults: true,
	run: { kind: 'batch', execute: waitForVideos },
};
