/**
 * Progress deliveries held back per video until its final delivery has been answered, so a
 * receiver sees them out of order (a stale QUEUED/GENERATING after COMPLETED), as can happen with
 * any HTTP callback sender.
 */
export class HeldProgress {
	private held = new Map<string, Array<() => void>>();

	hold(videoId: string, deliver: () => void): void {
		this.held.set(videoId, [...(this.held.get(videoId) ?? []), deliver]);
	}

	/** The held deliveries of a video, oldest first; they are forgotten. */
	release(videoId: string): Array<() => void> {
		const deliveries = this.held.get(videoId) ?? [];
		this.held.delete(videoId);
		return deliveries;
	}

	clear(): void {
		this.held.clear();
	}
}
