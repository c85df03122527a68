import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { kindOfEndpoint, MEDIA_KINDS } from '../../core/api/mediaKinds';
import { videoOutcome } from '../../core/videoStatus';
import type { PreparedGeneration } from '../actions/shared/generation';
import { problemsDescription } from '../actions/shared/generation';
import { errorItem, videoItem } from '../actions/outputItems';
import type { FoundJob } from './findByReference';
import { findByReference, searchedPlaces } from './findByReference';
import type { AcceptedJob, PolledVideo } from './jobs';
import { submittedVideo } from './jobs';

/**
 * The Idempotency Key of the generation runtime: before anything is sent, each key is looked up
 * (findByReference). A key found on a running job or a video that did not fail is adopted: the
 * item waits for that video and outputs it with `reused: true`, and nothing is sent or charged.
 * Items of one run with the same key send once and share the video. A key that names another
 * prompt is refused, never adopted. A video that failed or was moderated is not adopted (PixVerse
 * does not charge for those): the item is sent again.
 */

/** The text a generation is made from (a speech's `text`, else its `prompt`), compared with the record's `prompt`. */
const promptOf = ({ endpoint, body }: PreparedGeneration) => body[MEDIA_KINDS[kindOfEndpoint(endpoint)].promptField];

/** An item checked and about to be sent. */
export interface KeyedItem {
	itemIndex: number;
	generation: PreparedGeneration;
	/** The account it is sent to; blank: any. */
	account: string;
}

/** A video an item reuses instead of sending. */
export interface AdoptedVideo {
	job: AcceptedJob;
	/** The video as the lookup found it. */
	video: PolledVideo;
}

export interface IdempotencyPlan<T extends KeyedItem> {
	/** Items to send: those without a key, and the first item of each key not found. */
	toSend: T[];
	/** Items whose key names an existing video. */
	adopted: AdoptedVideo[];
	/** Items that share the video of an earlier item of the run with the same key: item → that item. */
	sharing: Map<number, number>;
}

/** Called for an item refused before anything was sent (it throws when the node does not continue on fail). */
export type Refuse = (error: NodeOperationError, itemIndex: number) => void;

const FIELD = 'options.idempotencyKey';

/** A prompt as compared: spaces collapsed, undefined when the request has none. */
export function comparablePrompt(prompt: unknown): string | undefined {
	return typeof prompt === 'string' && prompt.trim() ? prompt.trim().replace(/\s+/g, ' ') : undefined;
}

/** Whether two prompts name different work; a side without a prompt (an upscale, a template) cannot tell. */
function differentPrompts(first: unknown, second: unknown): boolean {
	const [a, b] = [comparablePrompt(first), comparablePrompt(second)];
	return a !== undefined && b !== undefined && a !== b;
}

const failedOrModerated = (found: FoundJob) => found.record !== undefined && ['failed', 'moderated'].includes(videoOutcome({ video_id: found.videoId, ...found.record }));

export type KeyDecision = { adopt: FoundJob } | { conflict: FoundJob } | { send: true };

/**
 * What to do with an item whose key found these jobs: adopt the newest that did not fail (a
 * running job, whose start is known or not, counts as newest), unless its prompt differs from the
 * item's; send when none is left.
 */
export function decideByKey(found: FoundJob[], prompt: unknown): KeyDecision {
	const usable = found.filter((job) => !failedOrModerated(job)).sort((a, b) => (b.startedAt ?? Number.POSITIVE_INFINITY) - (a.startedAt ?? Number.POSITIVE_INFINITY));
	if (!usable.length) return { send: true };
	const [newest] = usable;
	return differentPrompts(newest.record?.prompt, prompt) ? { conflict: newest } : { adopt: newest };
}

/** The item's video as the lookup found it: its record from the video list, or "submitted" for a running job. */
export function adoptedVideo(found: FoundJob): PolledVideo {
	const record = found.record ? { ...found.record, video_id: found.videoId } : submittedVideo(found.videoId).record;
	return { outcome: videoOutcome(record), record, timedOut: false };
}

function refusal(context: IExecuteFunctions, itemIndex: number, key: string, message: string, windowHours?: number): NodeOperationError {
	const description = problemsDescription([{ field: FIELD, value: key, message }]);
	return new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: windowHours === undefined ? description : `${description}\nThe key was looked up in the last ${windowHours} hours (Idempotency Window).`,
	});
}

const quoted = (text: unknown) => JSON.stringify(String(text ?? '').slice(0, 100));
const hoursOf = (item: KeyedItem) => Math.round((item.generation.idempotency!.windowMs / 3_600_000) * 100) / 100;

/** Groups items by a key function, keeping their order. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
	return groups;
}

/**
 * Items with one key: the first is sent or adopted, the others share its video. Items with one
 * key and different prompts are all refused: which of them the key names cannot be told.
 */
function firstOfEachKey<T extends KeyedItem>(context: IExecuteFunctions, keyed: T[], sharing: Map<number, number>, refuse: Refuse): T[] {
	const firsts: T[] = [];
	for (const [key, items] of groupBy(keyed, (item) => item.generation.idempotency!.key)) {
		const [first, ...others] = items;
		const other = others.find((item) => differentPrompts(promptOf(item.generation), promptOf(first.generation)));
		if (other) {
			const message = `Items ${first.itemIndex} and ${other.itemIndex} use the Idempotency Key ${quoted(key)} with different prompts; allowed: one key per piece of work, e.g. add the row ID to the key`;
			for (const item of items) refuse(refusal(context, item.itemIndex, key, message), item.itemIndex);
			continue;
		}
		firsts.push(first);
		for (const item of others) sharing.set(item.itemIndex, first.itemIndex);
	}
	return firsts;
}

/** Looks the keys of these items (one account choice) up at once, then adopts, refuses or sends each. */
async function lookUp<T extends KeyedItem>(context: IExecuteFunctions, items: T[], account: string, plan: IdempotencyPlan<T>, refuse: Refuse): Promise<void> {
	const now = Date.now();
	const since = new Map(items.map((item) => [item.generation.idempotency!.key, now - item.generation.idempotency!.windowMs]));
	const search = { since, account: account || undefined, anyRunning: true, kind: kindOfEndpoint(items[0].generation.endpoint) };
	let found: FoundJob[];
	try {
		found = await findByReference(context, search, { itemIndex: items[0].itemIndex, signal: context.getExecutionCancelSignal() });
	} catch (error) {
		for (const item of items) {
			const message = `The Idempotency Key could not be looked up: ${(error as Error).message}`;
			refuse(
				new NodeOperationError(context.getNode(), message, {
					itemIndex: item.itemIndex,
					description: `Nothing was sent to PixVerse and no credits were used: without looking in ${searchedPlaces(search, 'the Idempotency Window')} the node cannot tell whether this work was paid for already. Run again when useapi.net answers.`,
				}),
				item.itemIndex,
			);
		}
		return;
	}
	for (const item of items) {
		const { key } = item.generation.idempotency!;
		const decision = decideByKey(
			found.filter((job) => job.reference === key),
			promptOf(item.generation),
		);
		if ('send' in decision) plan.toSend.push(item);
		else if ('adopt' in decision) {
			const job: AcceptedJob = { itemIndex: item.itemIndex, videoId: decision.adopt.videoId, answer: { replyRef: key, reused: true, cost_credits: 0 } };
			plan.adopted.push({ job, video: adoptedVideo(decision.adopt) });
		} else {
			const { videoId, record } = decision.conflict;
			const message = `The Idempotency Key ${quoted(key)} names ${MEDIA_KINDS[kindOfEndpoint(item.generation.endpoint)].noun} ${videoId}, made from another prompt (${quoted(record?.prompt)}, this item: ${quoted(promptOf(item.generation))}); allowed: a key used for one prompt only, e.g. add the row ID to the key`;
			refuse(refusal(context, item.itemIndex, key, message, hoursOf(item)), item.itemIndex);
		}
	}
}

/**
 * Decides, before anything is sent, which items are sent, which reuse a video found by their
 * Idempotency Key, and which share the video of an earlier item of the run. Items are refused
 * (through `refuse`) when their key names another prompt or cannot be looked up.
 */
export async function planIdempotency<T extends KeyedItem>(context: IExecuteFunctions, items: T[], refuse: Refuse): Promise<IdempotencyPlan<T>> {
	const plan: IdempotencyPlan<T> = { toSend: [], adopted: [], sharing: new Map() };
	const keyed = items.filter((item) => item.generation.idempotency);
	if (!keyed.length) return { ...plan, toSend: items };
	const firsts = firstOfEachKey(context, keyed, plan.sharing, refuse);
	for (const [account, group] of groupBy(firsts, (item) => item.account)) await lookUp(context, group, account, plan, refuse);
	const sent = new Set(plan.toSend);
	plan.toSend = items.filter((item) => !item.generation.idempotency || sent.has(item));
	return plan;
}

/**
 * The jobs of the items that share another item's video, once the run knows the jobs of the
 * items sent or adopted. An item whose video was not sent (refused, failed) gets an error item.
 */
export function sharedJobs<T extends KeyedItem>(context: IExecuteFunctions, plan: IdempotencyPlan<T>, known: AcceptedJob[], output: INodeExecutionData[]): AcceptedJob[] {
	const jobs: AcceptedJob[] = [];
	for (const [itemIndex, first] of plan.sharing) {
		const job = known.find((candidate) => candidate.itemIndex === first);
		if (job) {
			jobs.push({ itemIndex, videoId: job.videoId, answer: { ...job.answer, reused: true, cost_credits: 0 } });
			continue;
		}
		const error = new NodeOperationError(context.getNode(), `Not submitted: item ${first}, which has the same Idempotency Key, got no video`, {
			itemIndex,
			description: `This item shares the video of item ${first}, so nothing was sent or charged for it; that item's error says why.`,
		});
		output[itemIndex] = errorItem(error, itemIndex);
	}
	return jobs;
}

/** Don't Wait: the item of a reused video, as last seen (a video shared within the run: as submitted). */
export function reusedItem(job: AcceptedJob, video: PolledVideo | undefined): INodeExecutionData {
	const record: IDataObject = video?.record ?? submittedVideo(job.videoId).record;
	return videoItem({ ...job.answer, ...record, reused: true, cost_credits: 0 }, job.itemIndex);
}
