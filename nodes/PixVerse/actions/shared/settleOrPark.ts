import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parkExecution } from '../../wait/parkExecution';
import type { PolledVideo } from '../../wait/pollVideos';
import { finishedItem, placeOf, putFinishedItems, type DownloadSettings, type WaitedJob } from './finishedItems';
import type { AcceptedJob } from './submitGeneration';

/**
 * Callback mode, once every video of the run is known (`videos` read just before): the ones
 * already final are finished now (n8n refuses callbacks while the execution still runs, so theirs
 * may be lost), and if any still renders the execution is parked until useapi.net calls back or
 * the deadline passes. `output` holds one item per place; a rendering video's place gets the item
 * the deadline would show, with its id, last known status and `timed_out`.
 */
export async function settleOrPark(
	context: IExecuteFunctions,
	output: INodeExecutionData[],
	jobs: WaitedJob[],
	videos: Map<string, PolledVideo>,
	settings: DownloadSettings & { deadline: Date },
	mention: AcceptedJob[] = [],
): Promise<INodeExecutionData[]> {
	const rendering = jobs.filter((job) => videos.get(job.videoId)!.outcome === 'pending');
	await putFinishedItems(context, output, jobs.filter((job) => !rendering.includes(job)), videos, settings, mention);
	if (!rendering.length) return output;
	for (const job of rendering) {
		const video = videos.get(job.videoId)!;
		video.timedOut = true;
		output[placeOf(job)] = await finishedItem(context, job, video, settings);
	}
	if (settings.deadline.getTime() <= Date.now()) return output;
	return await parkExecution(context, output, settings.deadline);
}
