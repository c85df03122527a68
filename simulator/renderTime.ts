/**
 * Render times of submitted jobs: exactly the configured time, or (with a jitter) spread uniformly
 * over ±jitter around it, drawn from a seeded generator so a run can be repeated.
 */
export class RenderTimes {
	private state: number;

	constructor(
		private readonly jitter: number,
		seed: number,
	) {
		if (!(jitter >= 0 && jitter < 1)) throw new Error(`renderJitter must be at least 0 and below 1, got ${jitter}`);
		this.state = seed >>> 0;
	}

	/** The render time of the next job whose nominal time is `nominalMs`. */
	next(nominalMs: number): number {
		if (this.jitter === 0) return nominalMs;
		return Math.round(nominalMs * (1 + this.jitter * (2 * this.uniform() - 1)));
	}

	/** mulberry32: a small, well-spread 32-bit generator; [0, 1). */
	private uniform(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
}
