/**
 * Calls `wave` with sizes 1, 2, 4, … for as long as it answers true. For work where each call
 * costs about one round trip whatever its size, and the answer says whether a bigger one is worth
 * it: n steps take about log2(n) round trips, and a "stop" wastes at most the last wave.
 */
export async function inGrowingWaves(wave: (size: number) => Promise<boolean>): Promise<void> {
	for (let size = 1; await wave(size); size *= 2);
}
