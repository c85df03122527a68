/**
 * How soon a batch looks again for a free PixVerse slot (it reads GET /scheduler/available, or,
 * when that read fails, tries to submit) while its items wait. Looking is how a slot freed by
 * someone else is found (another execution, the website); one freed by the batch's own video is
 * seen by its polling too.
 *
 * The pace follows what the batch observes, never an assumed render time: the wait since the
 * batch last got a slot, and once its own videos have finished, their render time. Looking again
 * after a share of that keeps the time a freed slot stays unused to about that share of a render,
 * with render times of seconds or of minutes; the number of looks per render stays about the same.
 */

/** The share of the observed wait (or render time) a freed slot may stay unused. */
export const PACE_SHARE = 1 / 20;
/** No more than 4 looks per second, however short the renders. */
export const MIN_PACE_MS = 250;

export class SlotPace {
	private since: number;

	private readonly renderTimes: number[] = [];

	constructor(now: number) {
		this.since = now;
	}

	/** A slot was found (the submission was accepted): a new wait starts. */
	accepted(now: number): void {
		this.since = now;
	}

	/** One of the batch's videos was seen final `ms` after it was submitted. */
	rendered(ms: number): void {
		this.renderTimes.push(ms);
	}

	/** The render time the batch observed (median), once one of its videos finished. */
	typicalRenderMs(): number | undefined {
		if (!this.renderTimes.length) return undefined;
		const sorted = [...this.renderTimes].sort((a, b) => a - b);
		return sorted[Math.floor(sorted.length / 2)];
	}

	/** How long to wait before the next look. */
	delayMs(now: number): number {
		const waited = now - this.since;
		const typical = this.typicalRenderMs();
		return Math.max(MIN_PACE_MS, (typical === undefined ? waited : Math.min(waited, typical)) * PACE_SHARE);
	}
}
