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

/** What a validated generation request asks for. */
export interface JobSpec {
	endpoint: Endpoint;
	/** An image effect template makes a still image: its id is `…-image:<n>` and GET /images/{id} reads it. */
	kind?: 'video' | 'image';
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

	submit(spec: JobSpec, renderMs: number, mp4Bytes: number): Job {
		const number = this.nextNumber++;
		const job: Job = {
			...spec,
			id: `user:${USER_ID}-pixverse:${spec.email}-${spec.kind ?? 'video'}:${number}`,
			number,
			status: 5,
			createdAt: new Date(),
			tracked: true,
			renderMs,
			mp4Bytes,
		};
		this.byId.set(job.id, job);
		this.timers.set(job.id, [
			setTimeout(() => this.startGenerating(job), Math.floor(renderMs * QUEUED_SHARE)),
			setTimeout(() => this.finish(job), renderMs),
		]);
		return job;
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

	/** Jobs holding a slot, oldest first. */
	executing(email?: string): Job[] {
		return [...this.byId.values()].filter(
			(job) => job.tracked && !isFinal(job.status) && (!email || job.email.toLowerCase() === email.toLowerCase()),
		);
	}

	/** Newest first. */
	all(): Job[] {
		return [...this.byId.values()].reverse();
	}

	/** Stops tracking a running job (its slot frees); the video itself still renders. */
	untrack(id: string): boolean {
		const job = this.byId.get(id);
		if (!job || !job.tracked || isFinal(job.status)) return false;
		job.tracked = false;
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
