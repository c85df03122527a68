import type { CallbackRecord, LogEntry } from '../../simulator';

/** One video of a batch, times in ms from the batch's start. */
export interface TimelineVideo {
	/** 1 for the first video the account accepted, and so on. */
	number: number;
	/** The simulator accepted it: from here it holds one of the account's slots. */
	submittedMs: number;
	/** Its render ended (final): the slot is free again. */
	endMs: number;
	/**
	 * When the node learned it was final, if it did: its first status check after the end, or n8n's
	 * answer to the final callback (the simulator records a callback when the receiver has answered).
	 */
	seenMs?: number;
}

/** One batch on one account, as the timeline draws it; times in ms from the batch's start. */
export interface BatchTimeline {
	/** The account's maxJobs. */
	slots: number;
	/** When the node handed over its last output. */
	endMs: number;
	/** ceil(videos / slots) × render time, drawn as a reference line. */
	limitMs: number;
	videos: TimelineVideo[];
	/** Submissions answered 429 (all slots busy). */
	busyMs: number[];
}

/** What the simulator's state lists per job (the fields read here). */
export interface SimulatorJob {
	video_id: string;
	created_at: string;
	renderMs: number;
	/** When the slot freed, once final (newer simulators); else created_at + renderMs. */
	finishedAt?: string;
}

const CREATE = /^\/v2\/pixverse\/videos\/create/;
const STATUS = /^\/v2\/pixverse\/videos\/([^/?]+)$/;

/**
 * The timeline of one batch from what the simulator recorded: its jobs (a slot is held from
 * acceptance to the end of the render), its request log (429 answers to submissions; status checks)
 * and its callbacks. `startMs` (ms since the epoch) becomes time 0.
 */
export function timelineFrom(
	data: { jobs: SimulatorJob[]; log: LogEntry[]; callbacks: CallbackRecord[] },
	batch: { slots: number; startMs: number; endMs: number; limitMs: number },
): BatchTimeline {
	const at = (iso: string) => Date.parse(iso) - batch.startMs;
	const jobs = [...data.jobs].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
	const videos = jobs.map((job, index): TimelineVideo => {
		const submittedMs = at(job.created_at);
		const endMs = job.finishedAt ? at(job.finishedAt) : submittedMs + job.renderMs;
		const checks = data.log.filter((entry) => entry.method === 'GET' && decodeURIComponent(STATUS.exec(entry.path)?.[1] ?? '') === job.video_id).map((entry) => at(entry.time));
		const callbacks = data.callbacks.filter((record) => record.final && record.videoId === job.video_id && record.time).map((record) => at(record.time));
		const seen = [...checks, ...callbacks].filter((ms) => ms >= endMs);
		return { number: index + 1, submittedMs, endMs, ...(seen.length ? { seenMs: Math.min(...seen) } : {}) };
	});
	const busyMs = data.log.filter((entry) => entry.method === 'POST' && CREATE.test(entry.path) && entry.status === 429).map((entry) => at(entry.time));
	return { slots: batch.slots, endMs: batch.endMs - batch.startMs, limitMs: batch.limitMs, videos, busyMs };
}

/**
 * Which slot each video held, in the order given: each video, taken in order of submission, goes to
 * the lowest-numbered slot free at that moment (a slot frees at its video's end). Uses as many
 * slots as the most videos that ever ran at once, never more. Slots count from 0.
 */
export function assignLanes(videos: Array<Pick<TimelineVideo, 'submittedMs' | 'endMs'>>): number[] {
	const lanes = Array<number>(videos.length);
	const freeAt: number[] = [];
	const order = videos.map((_, index) => index).sort((a, b) => videos[a].submittedMs - videos[b].submittedMs || a - b);
	for (const index of order) {
		const { submittedMs, endMs } = videos[index];
		let lane = freeAt.findIndex((end) => end <= submittedMs);
		if (lane < 0) lane = freeAt.length;
		freeAt[lane] = endMs;
		lanes[index] = lane;
	}
	return lanes;
}

/** The most videos running at the same moment (one ending as another starts do not overlap). */
export function peakRunning(videos: Array<Pick<TimelineVideo, 'submittedMs' | 'endMs'>>): number {
	const events = videos.flatMap((video) => [
		[video.submittedMs, 1],
		[video.endMs, -1],
	]);
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let running = 0;
	let peak = 0;
	for (const [, change] of events) {
		running += change;
		peak = Math.max(peak, running);
	}
	return peak;
}
