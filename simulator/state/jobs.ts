import type { Endpoint } from '../models';

/** video_status values: 5 QUEUED and 10 GENERATING are in progress; 1, 7 and 8 are final. */
export type VideoStatus = 1 | 5 | 7 | 8 | 10;
export type FinalStatus = 1 | 7 | 8;

export const STATUS_NAMES: Record<VideoStatus, string> = {
	1: 'COMPLETED',
	5: 'QUEUED',
	7: 'MODERATED',
	8: 'FAILED',
	10: 'GENERATING',
};

export const isFinal = (status: VideoStatus): status is FinalStatus => status === 1 || status === 7 || status === 8;

/** The useapi user id embedded in every id this simulator hands out. */
const USER_ID = 1;
/** Share of the render time a job spends QUEUED before it is GENERATING. */
const QUEUED_SHARE = 0.1;

/**
 * What a job makes; the id reads `…-<kind>:<n>`. Images come from /images/create or an image effect
 * template, speech from /speech/create, music from /music/create.
 */
export type JobKind = 'video' | 'image' | 'speech' | 'music';

/** What a validated generation request asks for. */
export interface JobSpec {
	endpoint: Endpoint | 'images/create' | 'speech/create' | 'music/create';
	kind?: JobKind;
	/** Fields of an image, speech or music job shown as they are in its record (voice_id, lyrics, …). */
	details?: Record<string, unknown>;
	email: string;
	accountId: number;
	model: string;
	prompt: string;
	quality: string;
	/** Requested seconds. */
	duration: number;
	/** Seconds of the produced video (an extension adds to its source). */
	videoDuration: number;
	aspectRatio: string;
	seed: number;
	offPeak: boolean;
	preview: boolean;
	audio?: boolean;
	multiShot?: boolean;
	cost: number;
	/** How the job will end, decided at submit from the moderation markers. */
	outcome: FinalStatus;
	replyUrl?: string;
	replyRef?: string;
	originalVideoId?: string;
	upscaled?: boolean;
	extended?: boolean;
	lipSync?: boolean;
	templateId?: number;
	/** Uploaded paths the job was built from, by field name. */
	inputs: Record<string, string>;
}

export interface Job extends JobSpec {
	id: string;
	number: number;
	status: VideoStatus;
	createdAt: Date;
	finishedAt?: Date;
	/** Counted against the account's maxJobs until final or removed with DELETE /scheduler/{id}. */
	tracked: boolean;
	/** Id of the first job of its request: jobs of one request (create_count images) share one slot. */
	slot: string;
	renderMs: number;
	mp4Bytes: number;
}

export interface JobEvents {
	generating(job: Job): void;
	finished(job: Job): void;
}

/** All videos the simulator knows, with the timers that move them through their states. */
export class Jobs {
	private byId = new Map<string, Job>();
	private timers = new Map<string, NodeJS.Timeout[]>();
	/** Never reset, so ids stay unique for the life of the process. */
	private nextNumber = 1;

	constructor(private readonly events: JobEvents) {}

	/** Starts `count` jobs of one request (several images of one prompt); they share one slot and one render time. */
	submit(spec: JobSpec, renderMs: number, mp4Bytes: number, count = 1): Job[] {
		const jobs: Job[] = [];
		for (let index = 0; index < count; index++) {
			const number = this.nextNumber++;
			const id = `user:${USER_ID}-pixverse:${spec.email}-${spec.kind ?? 'video'}:${number}`;
			const job: Job = {
				...spec,
				id,
				number,
				status: 5,
				createdAt: new Date(),
				tracked: true,
				slot: jobs[0]?.id ?? id,
				renderMs,
				mp4Bytes,
			};
			this.byId.set(job.id, job);
			this.timers.set(job.id, [
				setTimeout(() => this.startGenerating(job), Math.floor(renderMs * QUEUED_SHARE)),
				setTimeout(() => this.finish(job), renderMs),
			]);
			jobs.push(job);
		}
		return jobs;
	}

	get(id: string): Job | undefined {
		return this.byId.get(id);
	}

	byNumber(number: number): Job | undefined {
		return [...this.byId.values()].find((job) => job.number === number);
	}

	/** Newest first. */
	forAccount(email: string): Job[] {
		return this.all().filter((job) => job.email.toLowerCase() === email.toLowerCase());
	}

	/** Jobs holding a slot, oldest first; of a request's several jobs, the first one still running stands for the slot. */
	executing(email?: string): Job[] {
		const slots = new Set<string>();
		return [...this.byId.values()].filter((job) => {
			if (!job.tracked || isFinal(job.status) || slots.has(job.slot)) return false;
			if (email && job.email.toLowerCase() !== email.toLowerCase()) return false;
			slots.add(job.slot);
			return true;
		});
	}

	/** Newest first. */
	all(): Job[] {
		return [...this.byId.values()].reverse();
	}

	/** Stops tracking a running job and the other jobs of its request (their slot frees); they still render. */
	untrack(id: string): boolean {
		const job = this.byId.get(id);
		if (!job || !job.tracked || isFinal(job.status)) return false;
		for (const member of this.byId.values()) if (member.slot === job.slot) member.tracked = false;
		return true;
	}

	remove(id: string): boolean {
		this.stopTimers(id);
		return this.byId.delete(id);
	}

	clear(): void {
		for (const id of this.timers.keys()) this.stopTimers(id);
		this.byId.clear();
	}

	private startGenerating(job: Job): void {
		if (job.status !== 5) return;
		job.status = 10;
		this.events.generating(job);
	}

	private finish(job: Job): void {
		this.timers.delete(job.id);
		job.status = job.outcome;
		job.finishedAt = new Date();
		this.events.finished(job);
	}

	private stopTimers(id: string): void {
		for (const timer of this.timers.get(id) ?? []) clearTimeout(timer);
		this.timers.delete(id);
	}
}
