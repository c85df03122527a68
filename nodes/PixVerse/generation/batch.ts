import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { defaultAccount } from '../../core/api/accounts';
import { BUSY, checkResult, submitGeneration } from '../../core/api/results';
import type { AcceptedGeneration } from '../../core/api/results';
import { asNodeError } from '../../core/transport/nodeErrors';
import { videoOutcome } from '../../core/videoStatus';
import type { PreparedGeneration } from '../actions/shared/generation';
import { withCallbackOptions } from '../actions/shared/generation';
import { resolveFileInput } from '../actions/shared/fileInput';
import { signReplyUrl } from '../actions/shared/callbackOptions';
import { readWaitSettings } from '../actions/shared/waitFields';
import type { WaitSettings } from '../actions/shared/waitFields';
import { errorItem } from '../actions/outputItems';
import { callbackResumeUrl, settleOrPark, videosNotCallingBack, withResumeCallback } from './callback';
import { SlotPace } from './slotPace';
import { itemsThatFit, readFreeSlots, settledWithin } from './freeSlots';
import type { AcceptedJob, PolledVideo } from './jobs';
import { inInputOrder, oneJobPerResult, placeOf, resultIdsOf, submittedVideo } from './jobs';
import { mentionAccepted, putFinishedItems, submittedItem } from './output';
import { isLostAnswer, recoverLostAnswer } from './lostAnswer';
import type { AdoptedVideo } from './idempotency';
import { planIdempotency, reusedItem, sharedJobs } from './idempotency';
import { answeredPrice, overBudgetText, refusedUncharged } from './creditBudget';
import { executionLedger } from './executionCredits';

/**
 * The batch part of the generation runtime: every item is checked before anything is sent, then
 * items are submitted as slots free up and every outstanding video is polled together (one poll
 * loop, also used by Video > Wait for Completion), until all are final or the deadline passes.
 */

const pendingIds = (videos: Map<string, PolledVideo>) => [...videos].filter(([, video]) => video.outcome === 'pending').map(([videoId]) => videoId);

/**
 * Checks each video once. Errors while checking (after the transport's own retries) are kept on the
 * video and checking goes on next round: no id is ever dropped. The user's Stop ends it at once.
 */
export async function checkVideosOnce(context: IExecuteFunctions, videos: Map<string, PolledVideo>, ids: string[] = pendingIds(videos)): Promise<void> {
	const signal = context.getExecutionCancelSignal();
	for (const videoId of ids) {
		const video = videos.get(videoId)!;
		try {
			video.record = await checkResult(context, videoId, { signal });
			video.outcome = videoOutcome(video.record);
			video.lastError = undefined;
		} catch (error) {
			if (signal?.aborted) throw asNodeError(context.getNode(), error);
			video.lastError = (error as Error).message;
		}
	}
}

export interface PollSettings {
	/** Between two checks of the videos still pending. */
	intervalMs: number;
	deadline: number;
	/** Runs at the start of every round (the batch submits items as slots free up). */
	beforeRound?: () => Promise<void>;
	/** While something besides rendering videos is waited for (items not yet submitted): how soon the next round runs. */
	waitingPaceMs?: () => number | undefined;
}

/**
 * The one poll loop: checks the videos still pending every interval, until none is (and nothing
 * else waits) or the deadline passes, which marks those left `timedOut`. While something else
 * waits, rounds also run at its pace. The user's Stop ends it at once.
 */
export async function pollUntilSettled(context: IExecuteFunctions, videos: Map<string, PolledVideo>, settings: PollSettings): Promise<void> {
	const signal = context.getExecutionCancelSignal();
	let nextCheck = Date.now() + settings.intervalMs;
	for (;;) {
		await settings.beforeRound?.();
		const pace = settings.waitingPaceMs?.();
		const pending = pendingIds(videos).length > 0;
		if (!pending && pace === undefined) return;
		const now = Date.now();
		if (settings.deadline <= now) {
			for (const videoId of pendingIds(videos)) videos.get(videoId)!.timedOut = true;
			return;
		}
		const wake = Math.min(pending ? nextCheck : Number.POSITIVE_INFINITY, pace === undefined ? Number.POSITIVE_INFINITY : now + pace, settings.deadline);
		await sleep(Math.max(0, wake - now), signal);
		if (pending && Date.now() >= nextCheck) {
			await checkVideosOnce(context, videos);
			nextCheck = Date.now() + settings.intervalMs;
		}
	}
}

/** An item checked and waiting to be sent. */
interface QueuedItem {
	itemIndex: number;
	generation: PreparedGeneration;
	/** The account it is sent to; blank lets useapi pick one with a free slot. */
	account: string;
}

/**
 * Uploads the item's files (once, even when the POST has to wait for a slot) and sends the
 * generation. A 429 comes back as BUSY for the batch to retry when a slot frees; anything else
 * that fails is final for this item (the transport never re-sends a generation). When the answer
 * is lost, the job is looked up by the generation's reference instead.
 */
async function submitItem(context: IExecuteFunctions, { itemIndex, generation: prepared, account: email }: QueuedItem): Promise<AcceptedJob | typeof BUSY> {
	if (email) prepared.body.email = email;
	for (const file of prepared.files.splice(0)) {
		prepared.body[file.field] = await resolveFileInput(context, itemIndex, file, email || ('path' in file ? undefined : await defaultAccount(context)));
	}
	const body: IDataObject = { ...prepared.body };
	await signReplyUrl(context, body);
	const sentAt = Date.now();
	let accepted: AcceptedGeneration | typeof BUSY;
	try {
		accepted = await submitGeneration(context, prepared.endpoint, body, { itemIndex, signal: context.getExecutionCancelSignal() });
	} catch (error) {
		if (!isLostAnswer(error)) throw asNodeError(context.getNode(), error, itemIndex);
		accepted = await recoverLostAnswer(context, { endpoint: prepared.endpoint, itemIndex, reference: String(body.replyRef), email: email || undefined, sentAt, error });
	}
	if (accepted === BUSY) return BUSY;
	return { itemIndex, videoId: accepted.videoId, answer: { ...accepted.answer, replyRef: accepted.answer.replyRef ?? body.replyRef } };
}

/**
 * Calls `wave` with sizes 1, 2, 4, … (or from `firstSize` on) for as long as it answers true. For
 * work where each call costs about one round trip whatever its size, and the answer says whether a
 * bigger one is worth it: n steps take about log2(n) round trips, and a "stop" wastes at most the
 * last wave.
 */
export async function inGrowingWaves(wave: (size: number) => Promise<boolean>, firstSize = 1): Promise<void> {
	for (let size = firstSize; await wave(size); size *= 2);
}

interface BatchOutcome {
	accepted: AcceptedJob[];
	/** Every accepted video's last known state (only when polling). */
	videos: Map<string, PolledVideo>;
	/** Items that were not accepted, with why. */
	failures: Map<number, unknown>;
}

const isOutOfCredits = (error: unknown) => (error as { httpCode?: string }).httpCode === '412';

/**
 * Submits items as slots free up and polls every outstanding video together, so N videos on S
 * slots take about ceil(N / S) render times. The batch looks for free slots by reading
 * GET /scheduler/available (a read: nothing starts, nothing is charged) and sends as many items as
 * it reports free, all at once (a POST can take seconds at useapi.net, and one after another would
 * delay the last video by all of them). It looks again at the pace SlotPace derives from what the
 * batch observes, and at once when one of its own videos is seen final (that freed a slot), so a
 * slot freed by anyone (this batch, another execution, the website) is found within about the
 * pace, without being told "busy" over and over. The read is only a hint: a 429 means "not now"
 * (nothing started), the item waits for the next look, and the next wave sized by a read grows 1,
 * 2, 4, … up to it until one is accepted whole. When the read fails, free slots are found by
 * submitting, in waves of 1, 2, 4, … while every one is accepted. Other executions on the same
 * account find slots the same way, so none starves. The user's Max Concurrent Jobs caps how many
 * of this batch render at once. Out of credits (412) stops submitting; what was accepted is still
 * waited on. Items not submitted by the deadline fail without being charged.
 */
async function submitAsSlotsFree(
	context: IExecuteFunctions,
	queue: QueuedItem[],
	wait: WaitSettings,
	onSubmitError: (error: unknown, itemIndex: number, accepted: AcceptedJob[]) => void,
): Promise<BatchOutcome> {
	const outcome: BatchOutcome = { accepted: [], videos: new Map(), failures: new Map() };
	const notSubmitted = (itemIndex: number, message: string, description?: string) =>
		outcome.failures.set(itemIndex, new NodeOperationError(context.getNode(), `Not submitted: ${message}`, { itemIndex, description }));
	const cap = wait.mode === 'poll' && wait.maxConcurrent > 0 ? wait.maxConcurrent : Number.POSITIVE_INFINITY;
	const pace = new SlotPace(Date.now());
	const submittedAt = new Map<string, number>();
	let stopReason: string | undefined;
	/** Until a read of the free slots fails; then slots are found by submitting. */
	let readsWork = true;
	/** The last wave got a 429 (a read may be wrong: a slot is taken meanwhile, or useapi counts differently): the next wave a read sizes grows up to it. */
	let busyLately = false;
	/** When the batch looks for free slots again (its own videos finishing bring it forward). */
	let nextLookAt = 0;

	/** Notes the render times of this batch's videos seen final since the last round; how many there were. */
	const noteRenderTimes = () => {
		let finished = 0;
		for (const [videoId, at] of submittedAt) {
			if (outcome.videos.get(videoId)?.outcome === 'pending') continue;
			pace.rendered(Date.now() - at);
			submittedAt.delete(videoId);
			finished++;
		}
		return finished;
	};

	const budget = executionLedger(context);
	/**
	 * Which of these items the Credit Budget lets go now, in queue order: each reserves its credits
	 * before it is sent. One over the budget fails (ending the run without Continue On Fail); from
	 * one that fits only if a submission in flight is refused on, the rest waits for the next wave.
	 */
	const withinBudget = (items: QueuedItem[]) => {
		const sent: QueuedItem[] = [];
		const held: QueuedItem[] = [];
		for (const item of items) {
			const { charge } = item.generation;
			const admission = held.length ? 'wait' : budget.admit(item.itemIndex, charge.credits ?? 0);
			if (admission === 'send') sent.push(item);
			else if (admission === 'wait') held.push(item);
			else {
				const { message, description } = overBudgetText(admission, 'basis' in charge ? charge.basis : '');
				notSubmitted(item.itemIndex, message, description);
				onSubmitError(outcome.failures.get(item.itemIndex), item.itemIndex, outcome.accepted);
			}
		}
		return { sent, held };
	};

	/** Submits the first `wave` items of the queue at once; true when every one was accepted. */
	const submitWave = async (wave: number) => {
		const size = Math.min(wave, queue.length, cap - pendingIds(outcome.videos).length);
		if (size <= 0 || stopReason) return false;
		const { sent, held } = withinBudget(queue.slice(0, size));
		const results = await Promise.allSettled(sent.map((item) => submitItem(context, item)));
		const busy = sent.filter((_, index) => results[index].status === 'fulfilled' && results[index].value === BUSY);
		queue.splice(0, size, ...busy, ...held);
		const errors: Array<{ itemIndex: number; error: unknown }> = [];
		for (const [index, result] of results.entries()) {
			const { itemIndex } = sent[index];
			if (result.status === 'rejected') {
				// A refusal started nothing; a lost answer (or any other doubt) may have charged.
				if (refusedUncharged(result.reason)) budget.release(itemIndex);
				else budget.settle(itemIndex);
				errors.push({ itemIndex, error: result.reason });
				continue;
			}
			if (result.value === BUSY) {
				budget.release(itemIndex);
				continue;
			}
			budget.settle(itemIndex, answeredPrice(result.value.answer));
			pace.accepted(Date.now());
			outcome.accepted.push(result.value);
			if (wait.mode === 'poll') {
				for (const id of resultIdsOf(result.value)) {
					outcome.videos.set(id, submittedVideo(id));
					submittedAt.set(id, Date.now());
				}
			}
		}
		// Every accepted job of the wave is recorded before an error may end the run.
		for (const { itemIndex, error } of errors) {
			if (isOutOfCredits(error)) stopReason = 'the PixVerse account ran out of credits earlier in this batch';
			outcome.failures.set(itemIndex, error);
			onSubmitError(error, itemIndex, outcome.accepted);
		}
		// Held back only by the budget (and something was sent), the next wave goes at once.
		return busy.length === 0 && (sent.length > 0 || held.length === 0);
	};

	const hasRoom = () => queue.length > 0 && pendingIds(outcome.videos).length < cap && !stopReason;

	/** Sends the first `fitting` items, as a read reported free: at once, or after a 429, in waves of 1, 2, 4, … up to them. */
	const submitFitting = async (fitting: number) => {
		if (!busyLately) {
			busyLately = !(await submitWave(fitting));
			return;
		}
		let left = fitting;
		await inGrowingWaves(async (size) => {
			const wave = Math.min(size, left);
			left -= wave;
			busyLately = !(await submitWave(wave));
			return !busyLately && left > 0 && hasRoom();
		});
	};

	/** Reads the free slots and sends the items that fit; when the read fails, submits in growing waves instead. */
	const lookForSlots = async () => {
		const read = readsWork ? await readFreeSlots(context) : undefined;
		if (context.getExecutionCancelSignal()?.aborted) return;
		if (!read) {
			readsWork = false;
			await inGrowingWaves(submitWave);
			return;
		}
		const fitting = itemsThatFit(queue.map(({ account }) => account), read);
		if (fitting > 0) await submitFitting(fitting);
	};

	/**
	 * The first item goes at once while GET /scheduler/available is read; the items that fit in
	 * the slots it reads free go next, at once, and more are looked for at the next round. The read
	 * may take as long again as the first submission did: a slower one (retried, or hanging) is not
	 * waited for, and growing waves go on without it. With 2 items the second goes next anyway, so
	 * nothing is read.
	 */
	const firstRound = async () => {
		const startedAt = Date.now();
		const [first] = queue;
		const freeSlots = queue.length > 2 ? readFreeSlots(context) : Promise.resolve(undefined);
		const acceptedBefore = outcome.accepted.length;
		busyLately = !(await submitWave(1));
		if (busyLately) return;
		const read = await settledWithin(freeSlots, Date.now() - startedAt);
		if (read === undefined) {
			await inGrowingWaves(submitWave, 2);
			return;
		}
		const started = outcome.accepted.slice(acceptedBefore).map(({ videoId }) => ({ videoId, account: first.account }));
		const fitting = itemsThatFit(queue.map(({ account }) => account), read, started);
		if (fitting > 0) await submitFitting(fitting);
	};

	let firstRoundDone = false;
	const submitWhileRoom = async () => {
		const finished = noteRenderTimes();
		if (hasRoom() && (!firstRoundDone || finished > 0 || Date.now() >= nextLookAt)) {
			await (firstRoundDone ? lookForSlots() : firstRound());
			firstRoundDone = true;
			nextLookAt = Date.now() + pace.delayMs(Date.now());
		}
		if (stopReason) queue.splice(0).forEach(({ itemIndex }) => notSubmitted(itemIndex, stopReason!));
	};

	await pollUntilSettled(context, outcome.videos, {
		intervalMs: wait.intervalMs,
		deadline: Date.now() + wait.timeoutMs,
		beforeRound: submitWhileRoom,
		// Held back by the user's cap, the next round comes with the next check.
		waitingPaceMs: () => (hasRoom() ? Math.max(0, nextLookAt - Date.now()) : undefined),
	});
	for (const { itemIndex } of queue.splice(0)) {
		notSubmitted(itemIndex, 'no PixVerse slot became free before the timeout', 'Nothing was sent or charged for this item. Raise the timeout, lower the batch size, or add accounts.');
	}
	return outcome;
}

type Prepare = (context: IExecuteFunctions, itemIndex: number) => PreparedGeneration | Promise<PreparedGeneration>;

/**
 * Callback mode: adopted videos still rendering that will not call this execution back (another
 * execution sent them) are polled in this run until final or the deadline; then every video is
 * read once more, since n8n refuses callbacks while the execution runs.
 */
async function pollAdoptedNotCallingBack(context: IExecuteFunctions, videos: Map<string, PolledVideo>, adopted: AdoptedVideo[], resumeUrl: string, intervalMs: number, deadline: number): Promise<void> {
	const rendering = adopted.map(({ job }) => job.videoId).filter((videoId) => videos.get(videoId)!.outcome === 'pending');
	const silent = [...(await videosNotCallingBack(context, rendering, resumeUrl)).keys()];
	if (!silent.length) return;
	await pollUntilSettled(context, new Map(silent.map((videoId) => [videoId, videos.get(videoId)!])), { intervalMs, deadline });
	await checkVideosOnce(context, videos);
}

/**
 * Runs one generation per input item. Outputs keep input order and pairing; every accepted video
 * id reaches the output or the error. Items with an Idempotency Key found on an existing video
 * reuse it (idempotency.ts). In callback mode the run ends parked (settleOrPark) and webhook()
 * brings the videos out (resumeOnCallback).
 */
export async function runGenerations(context: IExecuteFunctions, prepare: Prepare): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const prepared: Array<PreparedGeneration | undefined> = [];
	const wait = readWaitSettings(context);
	const resumeUrl = wait.mode === 'callback' ? await callbackResumeUrl(context) : undefined;
	const refuse = (error: unknown, itemIndex: number) => {
		if (!continueOnFail) throw asNodeError(context.getNode(), error, itemIndex);
		output[itemIndex] = errorItem(error, itemIndex);
	};

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const generation = withCallbackOptions(context, itemIndex, await prepare(context, itemIndex));
			prepared[itemIndex] = resumeUrl === undefined ? generation : withResumeCallback(context, itemIndex, generation, resumeUrl);
		} catch (error) {
			refuse(error, itemIndex);
		}
	}

	const queue = prepared.flatMap((generation, itemIndex): QueuedItem[] =>
		generation ? [{ itemIndex, generation, account: (context.getNodeParameter('account', itemIndex, '') as string).trim() }] : [],
	);
	const plan = await planIdempotency(context, queue, refuse);
	const startedAt = Date.now();
	const { accepted, videos, failures } = await submitAsSlotsFree(context, plan.toSend, wait, (error, itemIndex, acceptedSoFar) => {
		if (!continueOnFail) throw mentionAccepted(context, error, acceptedSoFar, itemIndex);
	});
	for (const [itemIndex, error] of failures) output[itemIndex] = errorItem(error, itemIndex);
	const adoptedJobs = plan.adopted.map(({ job }) => job);
	const reused = [...adoptedJobs, ...sharedJobs(context, plan, [...accepted, ...adoptedJobs], output)];
	const adoptedVideos = new Map(plan.adopted.map(({ job, video }) => [job.videoId, video]));
	const { jobs: results, extraPlaces } = oneJobPerResult(accepted, items.length);

	if (wait.mode === 'none') {
		for (const job of results) output[placeOf(job)] = submittedItem(job);
		for (const job of reused) output[job.itemIndex] = reusedItem(job, adoptedVideos.get(job.videoId));
		return inInputOrder(output, extraPlaces);
	}

	for (const [videoId, video] of adoptedVideos) videos.set(videoId, video);
	const deadline = startedAt + wait.timeoutMs;
	if (wait.mode === 'callback') {
		// Several results per job are refused in this mode before sending; should an answer still name them, they are parked after the input's items.
		for (const job of results) videos.set(job.videoId, submittedVideo(job.videoId));
		await checkVideosOnce(context, videos);
		await pollAdoptedNotCallingBack(context, videos, plan.adopted, resumeUrl!, wait.intervalMs, deadline);
		return await settleOrPark(context, output, [...results, ...reused], videos, { ...wait, deadline: new Date(deadline) }, results);
	}

	// Adopted videos still rendering are polled once this run's own are settled (they render meanwhile).
	await pollUntilSettled(context, videos, { intervalMs: wait.intervalMs, deadline });
	await putFinishedItems(context, output, [...results, ...reused], videos, wait, results);
	return inInputOrder(output, extraPlaces);
}
