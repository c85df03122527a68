import { sleep } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { answeredIds, asResult } from '../../core/api/mediaKinds';
import { checkResult } from '../../core/api/results';
import { maxDownloadBytes } from '../../core/binaryPropertyField';
import type { VideoRecord } from '../../core/videoStatus';
import { videoOutcome } from '../../core/videoStatus';
import { errorItem, simplifiedWhereAsked } from '../actions/outputItems';
import { inGrowingWaves } from './batch';
import { finishedItem } from './output';

/**
 * The callback part of the generation runtime, on the resuming side: webhook() of the PixVerse
 * node, reading the parked items back, and the turns that callbacks reaching the same n8n process take.
 */

/** How many parked executions a process remembers the last decision of (oldest forgotten first). */
const REMEMBERED_EXECUTIONS = 1000;

/** What this process knows of one parked execution: the last callback's decision, and the videos read final. */
interface ExecutionMemory {
	lastDecision: Promise<boolean>;
	finalRecords: Map<string, VideoRecord>;
}

const remembered = new Map<string, ExecutionMemory>();

interface CallbackTurn {
	/** Whether an earlier callback already resumes the execution: nothing is left to do. */
	earlierResumed: boolean;
	/** Tells the next callback whether this one resumes the execution (only the first call counts). */
	decide(resuming: boolean): void;
	/** Records of the execution's videos read final by earlier turns (a final record does not change). */
	finalRecords: Map<string, VideoRecord>;
}

/**
 * Callbacks to one parked execution (`key`: its resume token) take turns within one n8n process: the
 * final callbacks of a batch often arrive together; without turns each one would read and
 * download every video, and each turn reads only the videos no earlier turn saw final. Nothing
 * depends on this for correctness: across processes (queue mode) n8n itself lets only one call
 * resume an execution. Call decide() on every path.
 */
export async function takeTurn(key: string): Promise<CallbackTurn> {
	const previous = remembered.get(key);
	let decide: (resuming: boolean) => void = () => undefined;
	const lastDecision = new Promise<boolean>((resolve) => {
		decide = resolve;
	});
	const finalRecords = previous?.finalRecords ?? new Map<string, VideoRecord>();
	remembered.delete(key);
	remembered.set(key, { lastDecision, finalRecords });
	for (const oldest of remembered.keys()) {
		if (remembered.size <= REMEMBERED_EXECUTIONS) break;
		remembered.delete(oldest);
	}
	return { earlierResumed: previous ? await previous.lastDecision : false, decide, finalRecords };
}

/** A video the parked execution still waits for: its place in the output and its id. */
export interface AwaitedVideo {
	position: number;
	videoId: string;
	/** The parked item's fields (last known record, cost_credits, reused). */
	json: IDataObject;
}

/**
 * The items the execution was parked with (see parkExecution): they are the waiting node's input
 * now, which webhook() reaches through `$input`. With the workflow setting that keeps binaries
 * inside the JSON, expressions return the JSON alone; both shapes are read.
 */
export function readParkedItems(context: IWebhookFunctions): INodeExecutionData[] {
	const value = context.evaluateExpression('{{ $input.all() }}', 0);
	if (!Array.isArray(value)) return [];
	return (value as unknown[]).map((entry) => {
		const candidate = entry as INodeExecutionData;
		return candidate && typeof candidate.json === 'object' && candidate.json !== null ? candidate : { json: (entry ?? {}) as IDataObject };
	});
}

/** Parked items that stand for a video still rendering: its id and `timed_out`, as the deadline shows it. */
export function awaitedVideos(items: INodeExecutionData[]): AwaitedVideo[] {
	return items.flatMap((item, position) => {
		const { json } = item;
		return json.timed_out === true && typeof json.video_id === 'string' && json.video_id ? [{ position, videoId: json.video_id, json }] : [];
	});
}


/** A callback can come a moment before GET /videos/{id} shows the final record: look again. */
const CONFIRM_ATTEMPTS = 3;
const CONFIRM_DELAY_MS = 2000;

const stayParked = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, resumed: false, reason } });

/** The callback's video id and whether it says the video is final (progress updates are not). */
function readCallback(body: IDataObject): { id?: string; final: boolean; replyRef?: unknown } {
	const id = answeredIds(body)[0]?.trim();
	if (!id) return { final: false };
	const record = asResult(id, body);
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
	let record = await checkResult(context, videoId);
	for (let attempt = 1; attempt < CONFIRM_ATTEMPTS && videoOutcome(record) === 'pending'; attempt++) {
		await sleep(CONFIRM_DELAY_MS);
		record = await checkResult(context, videoId);
	}
	return record;
}

/**
 * Reads every awaited video not yet known final with GET (the callback body alone is not trusted),
 * starting with the one called back and going on from there, in growing waves of reads at once,
 * and stops after the wave that finds one still rendering. Returns its id, or undefined when every
 * video is final (their records are then in `records`). When the last callback comes, the reads
 * take about log2(n) round trips instead of n; while videos still render, a turn reads about as
 * few as one read at a time would.
 */
async function firstStillRendering(context: IWebhookFunctions, awaited: AwaitedVideo[], calledBack: AwaitedVideo, records: Map<string, VideoRecord>): Promise<string | undefined> {
	const start = awaited.indexOf(calledBack);
	const unread = [...awaited.slice(start), ...awaited.slice(0, start)].filter((video) => !records.has(video.videoId));
	let rendering: string | undefined;
	await inGrowingWaves(async (size) => {
		const wave = unread.splice(0, size);
		const read = await Promise.all(wave.map((video) => (video === calledBack ? confirmedRecord(context, video.videoId) : checkResult(context, video.videoId))));
		for (const [index, record] of read.entries()) {
			if (videoOutcome(record) === 'pending') rendering ??= wave[index].videoId;
			else records.set(wave[index].videoId, record);
		}
		return rendering === undefined && unread.length > 0;
	});
	return rendering;
}

/** The output after the resume: each awaited video finished (or an error item naming it), the other parked items as they were. */
async function resumedItems(context: IWebhookFunctions, parked: INodeExecutionData[], awaited: AwaitedVideo[], records: Map<string, VideoRecord>): Promise<INodeExecutionData[]> {
	const download = context.getNodeParameter('download', true) as boolean;
	const settings = {
		download,
		binaryProperty: download ? (context.getNodeParameter('binaryProperty', 'data') as string) : 'data',
		maxBytes: download ? maxDownloadBytes(context.getNodeParameter('maxDownloadSize', 0)) : undefined,
	};
	const items: INodeExecutionData[] = [];
	for (const [position, item] of parked.entries()) {
		const video = awaited.find((candidate) => candidate.position === position);
		if (!video) {
			items.push({ ...item, pairedItem: { item: position } });
			continue;
		}
		const record = records.get(video.videoId)!;
		const job = { itemIndex: position, videoId: video.videoId, answer: { cost_credits: video.json.cost_credits, reused: video.json.reused } };
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
 * videos are answered at once without resuming; a final callback resumes the execution once every
 * video it waits for is final, as read with GET. Deciding costs GETs only; the MP4s are downloaded
 * after the decision, because n8n runs no node code once it resumed the execution (it disables
 * the waiting node). Only the caller whose callback resumed the execution hears `resumed: true`:
 * n8n sends that answer after its compare-and-set on the execution's status succeeded, and
 * answers a call that lost the race with an error.
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
		const records = turn.finalRecords;
		const answered = await decideOnFinalCallback(this, awaited, calledBack, records);
		if (answered) return answered;
		turn.decide(true);
		return { workflowData: [simplifiedWhereAsked(this, await resumedItems(this, parked, awaited, records))], webhookResponse: { received: true, resumed: true } };
	} finally {
		turn.decide(false);
	}
}
