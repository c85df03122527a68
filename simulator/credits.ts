import type { ModelRule } from './models';

/**
 * The simulator's price list (credits charged at submit):
 * - per-second models (v6, pixverse-c1): rate[quality] x seconds (v6: 4/6/7/14 at 360p/540p/720p/1080p);
 * - per-five-seconds models (v5.x, v4): rate[quality] x seconds / 5 (20/30/40/80 for a 5 s clip);
 * - third-party models: a flat rate per job;
 * - off_peak_mode x0.7, preview_mode x0.8; results are rounded up.
 */
export function generationCost(
	rule: ModelRule,
	quality: string,
	seconds: number,
	discounts: { offPeak?: boolean; preview?: boolean } = {},
): number {
	const price = rule.price;
	let cost: number;
	if ('flat' in price) cost = price.flat;
	else if ('perSecond' in price) cost = (price.perSecond[quality] ?? 0) * seconds;
	else cost = ((price.perFiveSeconds[quality] ?? 0) * seconds) / 5;
	if (discounts.offPeak) cost *= OFF_PEAK_FACTOR;
	if (discounts.preview) cost *= PREVIEW_FACTOR;
	return Math.ceil(cost);
}

export const OFF_PEAK_FACTOR = 0.7;
export const PREVIEW_FACTOR = 0.8;

/** Upscaling to 4K: 30 credits per 5 seconds of source video. */
export const upscaleCost = (seconds: number): number => Math.ceil((30 * seconds) / 5);

/** Lip sync: a flat 20 credits. */
export const LIPSYNC_COST = 20;
