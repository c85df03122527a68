import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../transport/nodeErrors';
import { pixverseRequest } from '../../transport/request';
import { downloadVideo } from '../../wait/downloadVideo';
import { pollVideos } from '../../wait/pollVideos';
import type { PolledVideo } from '../../wait/pollVideos';
import { failureReason } from '../../wait/videoStatus';
import { resolveFileInput } from './fileInput';
import { signReplyUrl } from './callbackOptions';
import type { PreparedGeneration } from './generation';
import { withCallbackOptions } from './generation';
import { errorItem, videoItem } from './outputItems';
import { readWaitSettings } from './waitFields';

interface AcceptedJob {
	itemIndex: number;
	videoId: string;
	answer: IDataObject;
}

type Prepare = (context: IExecuteFunctions, itemIndex: number) => PreparedGeneration | Promise<PreparedGeneration>;

function mentionAccepted(context: IExecuteFunctions, error: unknown, accepted: AcceptedJob[], itemIndex: number) {
	const nodeError = asNodeError(context.getNode(), error, itemIndex);
	if (!accepted.length) return nodeError;
	const ids = accepted.map((job) => job.videoId).join(', ');
	nodeError.description = `${nodeError.description ?? ''}\nOther videos accepted in this run (charged, not lost): ${ids}. Check them with Video > Get before running again.`.trim();
	return nodeError;
}

/** POST /files needs an account when several are configured; uploads are usable from any account. */
function uploadAccount(context: IExecuteFunctions): () => Promise<string | undefined> {
	let first: Promise<string | undefined> | undefined;
	return async () => {
		first ??= pixverseRequest
			.call(context, { method: 'GET', path: '/accounts', kind: 'repeatable', passStatuses: [404] })
			.then((response) => (response.statusCode === 200 ? Object.keys(response.body ?? {})[0] : undefined));
		return await first;
	};
}

async function submit(context: IExecuteFunctions, itemIndex: number, prepared: PreparedGeneration, findUploadAccount: () => Promise<string | undefined>): Promise<AcceptedJob> {
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim();
	const body: IDataObject = { ...prepared.body };
	if (email) body.email = email;
	for (const file of prepared.files) {
		body[file.field] = await resolveFileInput(context, itemIndex, file, email || ('path' in file ? undefined : await findUploadAccount()));
	}
	await signReplyUrl(context, body);
	const response = await pixverseRequest.call(context, {
		method: 'POST',
		path: prepared.path,
		body,
		kind: 'generation',
		itemIndex,
		signal: context.getExecutionCancelSignal(),
	});
	const answer = response.body as IDataObject;
	const videoId = answer.video_id ?? answer.image_id;
	if (typeof videoId !== 'string' || !videoId) {
		throw new NodeOperationError(context.getNode(), 'PixVerse accepted the request but returned no video ID', {
			itemIndex,
			description: `useapi.net answered: ${JSON.stringify(answer).slice(0, 300)}. Check Video > List before running again.`,
		});
	}
	return { itemIndex, videoId, answer };
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
 * Runs one generation per input item: every item is checked before anything is sent, then each is
 * submitted (a 429 waits for a free slot), then all are waited on together. Outputs keep input order
 * and pairing; every accepted video id reaches the output or the error.
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

	const accepted: AcceptedJob[] = [];
	const findUploadAccount = uploadAccount(context);
	let outOfCredits: unknown;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const generation = prepared[itemIndex];
		if (!generation) continue;
		if (outOfCredits) {
			output[itemIndex] = errorItem(new NodeOperationError(context.getNode(), 'Not submitted: the PixVerse account ran out of credits earlier in this batch'), itemIndex);
			continue;
		}
		try {
			accepted.push(await submit(context, itemIndex, generation, findUploadAccount));
		} catch (error) {
			if ((error as { httpCode?: string }).httpCode === '412') outOfCredits = error;
			if (!continueOnFail) throw mentionAccepted(context, error, accepted, itemIndex);
			output[itemIndex] = errorItem(error, itemIndex);
		}
	}

	const wait = readWaitSettings(context);
	if (wait.mode === 'none') {
		for (const job of accepted) {
			output[job.itemIndex] = videoItem({ ...job.answer, video_id: job.videoId, video_status_name: 'SUBMITTED', video_status_final: false }, job.itemIndex);
		}
		return output;
	}

	const polled = await pollVideos(
		context,
		accepted.map((job) => job.videoId),
		{ intervalMs: wait.intervalMs, deadline: Date.now() + wait.timeoutMs, signal: context.getExecutionCancelSignal() },
	);
	for (const job of accepted) {
		const video = polled.get(job.videoId)!;
		try {
			output[job.itemIndex] = await finishedItem(context, job, video, wait.download, wait.binaryProperty);
		} catch (error) {
			if (!continueOnFail) throw mentionAccepted(context, error, accepted.filter((other) => other !== job), job.itemIndex);
			output[job.itemIndex] = errorItem(error, job.itemIndex, video.record);
		}
	}
	return output;
}
