import { HeldProgress } from './heldProgress';
import type { WebhookOptions } from './options';

/** A job's id and state, whatever its kind. */
export interface JobSummary {
	id: string;
	statusName: string;
	final: boolean;
}

export interface CallbackRecord {
	seq: number;
	time: string;
	url: string;
	/** The job's id: a video's, or an image's, speech's or music's. */
	videoId: string;
	videoStatusName: string;
	final: boolean;
	/** 1 for the first delivery of this payload, 2+ for duplicates. */
	copy: number;
	/** Receiver's HTTP status when it answered. */
	status?: number;
	/** Network error or timeout when it did not. */
	error?: string;
	/** Not sent because deliveries are set to drop. */
	dropped?: boolean;
	payload: Record<string, unknown>;
}

/**
 * Delivers replyUrl webhooks as useapi does: a POST of the GET-shaped JSON. Receiver failures are
 * recorded, never retried and never thrown.
 */
export class Webhooks {
	private records: CallbackRecord[] = [];
	private seq = 0;
	private timers = new Set<NodeJS.Timeout>();
	private inFlight = new Set<AbortController>();
	private closed = false;
	/** Bumped by reset(), so deliveries begun before it leave no record after it. */
	private generation = 0;
	private heldProgress = new HeldProgress();
	/** Deliveries kept while `hold` is on, oldest first. */
	private held: Array<() => void> = [];

	constructor(private readonly options: () => Required<WebhookOptions>) {}

	/** `summary` names the job and its state whatever its kind (video_id, image_id or audio_id in the payload). */
	send(url: string, payload: Record<string, unknown>, summary: JobSummary): void {
		const options = this.options();
		const final = summary.final;
		if (this.closed || (!final && !options.progress)) return;
		const copies = final ? 1 + Math.max(0, Math.floor(options.duplicates)) : 1;
		for (let copy = 1; copy <= copies; copy++) {
			const record: CallbackRecord = {
				seq: 0,
				time: '',
				url,
				videoId: summary.id,
				videoStatusName: summary.statusName,
				final,
				copy,
				payload,
			};
			if (options.drop) {
				this.record({ ...record, dropped: true });
				continue;
			}
			if (!final && options.progressAfterFinal) {
				this.heldProgress.hold(record.videoId, () => this.later(options.delayMs, () => void this.post(record)));
				continue;
			}
			const released = final && copy === 1 ? () => this.heldProgress.release(record.videoId).forEach((deliver) => deliver()) : undefined;
			const deliver = () => this.later(options.delayMs, () => void this.post(record).then(released));
			if (options.hold) this.held.push(deliver);
			else deliver();
		}
	}

	/** Sends the deliveries kept while `hold` was on; returns how many. */
	release(): number {
		const held = this.held.splice(0);
		held.forEach((deliver) => deliver());
		return held.length;
	}

	/** How many deliveries are kept. */
	heldCount(): number {
		return this.held.length;
	}

	list(): CallbackRecord[] {
		return this.records.map((record) => ({ ...record }));
	}

	clear(): void {
		this.records = [];
	}

	/** Forgets the records and cancels deliveries still waiting or under way. */
	reset(): void {
		this.generation++;
		this.heldProgress.clear();
		this.held = [];
		this.cancelPending();
		this.records = [];
	}

	close(): void {
		this.closed = true;
		this.heldProgress.clear();
		this.cancelPending();
	}

	private cancelPending(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const controller of this.inFlight) controller.abort();
	}

	private later(delayMs: number, run: () => void): void {
		if (delayMs <= 0) return run();
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, delayMs);
		this.timers.add(timer);
	}

	private async post(record: CallbackRecord): Promise<void> {
		const generation = this.generation;
		const controller = new AbortController();
		const timeout = setTimeout(() => controller.abort(), this.options().timeoutMs);
		this.inFlight.add(controller);
		try {
			const response = await fetch(record.url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(record.payload),
				signal: controller.signal,
			});
			await response.arrayBuffer().catch(() => undefined);
			if (generation === this.generation) this.record({ ...record, status: response.status });
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (generation === this.generation) this.record({ ...record, error: message });
		} finally {
			clearTimeout(timeout);
			this.inFlight.delete(controller);
		}
	}

	private record(record: CallbackRecord): void {
		if (this.closed) return;
		this.records.push({ ...record, seq: ++this.seq, time: new Date().toISOString() });
	}
}
