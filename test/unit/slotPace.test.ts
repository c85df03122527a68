import { MIN_PACE_MS, PACE_SHARE, SlotPace } from '../../nodes/PixVerse/generation/slotPace';

describe('slot pace', () => {
	it('tries again after a share of the wait since the batch last got a slot, never faster than the floor', () => {
		const pace = new SlotPace(0);
		expect(pace.delayMs(100)).toBe(MIN_PACE_MS);
		expect(pace.delayMs(60_000)).toBe(60_000 * PACE_SHARE);
		pace.accepted(60_000);
		expect(pace.delayMs(60_500)).toBe(MIN_PACE_MS);
	});

	it('scales with the render time it observes, whatever it is: a freed slot stays unused for the same share of a render', () => {
		for (const renderMs of [5_000, 20_000, 300_000]) {
			const pace = new SlotPace(0);
			for (const jitter of [0.6, 1, 1.4]) pace.rendered(renderMs * jitter);
			expect(pace.typicalRenderMs()).toBe(renderMs);
			// Long after the last slot was found, the pace stays bound by the observed render time.
			expect(pace.delayMs(10 * renderMs)).toBe(Math.max(MIN_PACE_MS, renderMs * PACE_SHARE));
		}
	});
});
