import { sleep } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { takeTurn } from '../../wait/callbackTurns';
import { checkVideo } from '../../wait/checkVideo';
import { imageAsResult, isImageId } from '../../wait/imageResult';
import type { AwaitedVideo } from '../../wait/parkedItems';
import { awaitedVideos, readParkedItems } from '../../wait/parkedItems';
import type { VideoRecord } from '../../wait/videoStatus';
import { videoOutcome } from '../../wait/videoStatus';
import { finishedItem } from './finishedItems';
import { errorItem } from './outputItems';

/** A callback can come a moment before GET /videos/{id} shows the final record: look again. */
const CONFIRM_ATTEMPTS = 3;
const CONFIRM_DELAY_MS = 2000;

const stayParked = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, resumed: false, reason } });

/** The callback's video id and whether it says the video is final (progress updates are not). */
function readCallback(body: IDataObject): { id?: string; final: boolean; replyRef?: unknown } {
	const id = [body.video_id, body.image_id].find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim();
	if (!id) return { final: false };
	const record: Partial<VideoRecord> = isImageId(id) ? imageAsResult(id, body) : { ...body, video_id: id };
	return { id, final: videoOutcome(record) !== 'pending' || record.video_status_final === true, replyRef: body.replyRef };
}

/** The awaited video a callback is about: by id, else by the replyRef the node sent (`…-item-<n>`). */
function awaitedOf(callback: { id?: string; replyRef?: unknown }, awaited: AwaitedVideo[]): AwaitedVideo | undefined {
	const byId = awaited.find((video) => video.videoId === callback.id);
	if (byId || typeof callback.replyRef !== 'string') return byId;
	const position = /-item-(\d+)$/.exec(callback.replyRef)?.[1];
	return position === undefined ? undefined : awaited.find((video) => video.position === Number(position) && video.json.replyRef === callback.replyRef);
}

async function confirmedRecord(context: IWebhookFunctions, videoId: string): Promise<VideoRecord> {
	let record = await checkVideo(context, videoId);
	for (let attempt = 1; attempt < CONFIRM_ATTEMPTS && videoOutcome(record) === 'pending'; attempt++) {
		await sleep(CONFIRM_DELAY_MS);
		record = await checkVideo(context, videoId);
	}
	return record;
}

/**
 * Reads every awaited video with GET (the callback body alone is not trusted), starting with the
 * one called back and going on from there, and stops at the first that still renders. Returns
 * its id, or undefined when every video is final (their records are then in `records`).
 */
async function firstStillRendering(context: IWebhookFunctions, awaited: AwaitedVideo[], calledBack: AwaitedVideo, records: Map<string, VideoRecord>): Promise<string | undefined> {
	const start = awaited.indexOf(calledBack);
	const order = [...awaited.slice(start), ...awaited.slice(0, start)];
	for (const video of order) {
		if (records.has(video.videoId)) continue;
		const record = video === calledBack ? await confirmedRecord(context, video.videoId) : await checkVideo(context, video.videoId);
		if (videoOutcome(record) === 'pending') return video.videoId;
		records.set(video.videoId, record);
	}
	return undefined;
}

/** The output after the resume: each awaited video finished (or an error item naming it), the other parked items as they were. */
async function resumedItems(context: IWebhookFunctions, parked: INodeExecutionData[], awaited: AwaitedVideo[], records: Map<string, VideoRecord>): Promise<INodeExecutionData[]> {
	const download = context.getNodeParameter('download', true) as boolean;
	const settings = { download, binaryProperty: download ? (context.getNodeParameter('binaryProperty', 'data') as string) : 'data' };
	const items: INodeExecutionData[] = [];
	for (const [position, item] of parked.entries()) {
		const video = awaited.find((candidate) => candidate.position === position);
		if (!video) {
			items.push({ ...item, pairedItem: { item: position } });
			continue;
		}
		const record = records.get(video.videoId)!;
		const job = { itemIndex: position, videoId: video.videoId, answer: { cost_credits: video.json.cost_credits } };
		try {
			items.push(await finishedItem(context, job, { outcome: videoOutcome(record), record, timedOut: false }, settings));
		} catch (error) {
			// After the resume this node cannot stop the workflow: a failure is an item that names the video.
			items.push(errorItem(error, position, record));
		}
	}
	return items;
}

/** Whether every awaited video is final now; answers the callback itself when something fails. */
async function decideOnFinalCallback(context: IWebhookFunctions, awaited: AwaitedVideo[], calledBack: AwaitedVideo, records: Map<string, VideoRecord>): Promise<IWebhookResponseData | undefined> {
	let rendering: string | undefined;
	try {
		rendering = await firstStillRendering(context, awaited, calledBack, records);
	} catch (error) {
		context.getResponseObject().status(502).json({ received: true, resumed: false, error: `Could not check the videos with useapi.net: ${(error as Error).message}` });
		return { noWebhookResponse: true };
	}
	return rendering ? stayParked(`video ${rendering} is still rendering`) : undefined;
}

/**
 * webhook() of the PixVerse node: useapi.net calls the resume URL of an execution parked in
 * "Resume When PixVerse Calls Back" mode. Progress updates, repeats and callbacks for other
 * videos are answered without resuming; a final callback resumes the execution once every video
 * it waits for is final, as read with GET. The answer goes out before the downloads, so useapi's
 * delivery does not wait for them.
 */
export async function resumeOnCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const parked = readParkedItems(this);
	const awaited = awaitedVideos(parked);
	const callback = readCallback(this.getBodyData());
	const calledBack = awaitedOf(callback, awaited);
	if (!calledBack) return stayParked('not a video this execution waits for');
	if (!callback.final) return stayParked('progress update');

	const turn = await takeTurn(String((this.getQueryData() as IDataObject).signature ?? ''));
	try {
		if (turn.earlierResumed) {
			turn.decide(true);
			return stayParked('an earlier callback is resuming the execution');
		}
		const records = new Map<string, VideoRecord>();
		const answered = await decideOnFinalCallback(this, awaited, calledBack, records);
		if (answered) return answered;
		turn.decide(true);
		this.getResponseObject().status(200).json({ received: true, resumed: true });
		return { noWebhookResponse: true, workflowData: [await resumedItems(this, parked, awaited, records)] };
	} finally {
		turn.decide(false);
	}
}
