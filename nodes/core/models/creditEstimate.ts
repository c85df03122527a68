import { MODEL_PRICES, PREVIEW_MODE_FACTOR, PRICING_SOURCES, UPSCALE_PRICES } from './pricing';

export interface CreditEstimate {
	/** null when no price is published for this combination. */
	credits: number | null;
	known: boolean;
	/** How the figure was worked out, or why there is none. */
	basis: string;
}

export interface CreateSettings {
	model: string;
	quality: string;
	duration: number;
	audio?: boolean;
	previewMode?: boolean;
}

const unknown = (basis: string): CreditEstimate => ({ credits: null, known: false, basis });

/** Expected credits of a Create from the published rates; unknown rather than guessed. */
export function estimateCreateCredits(settings: CreateSettings): CreditEstimate {
	const price = MODEL_PRICES[settings.model];
	if (!price) return unknown(`No credit price is published for model "${settings.model}"; priced models: ${Object.keys(MODEL_PRICES).join(', ')}`);
	const source = PRICING_SOURCES[price.source];
	let credits: number;
	let basis: string;
	if (price.kind === 'perSecond') {
		const rate = price.rates[settings.quality];
		if (rate === undefined) return unknown(`No ${settings.model} price is published for ${settings.quality}; priced qualities: ${Object.keys(price.rates).join(', ')} (${source})`);
		credits = rate * settings.duration;
		basis = `${rate} credits per second at ${settings.quality} x ${settings.duration} s${price.audio === 'included' ? ', audio included' : settings.audio ? '; the source does not say whether audio costs extra' : ''} (${source})`;
	} else {
		const clip = price.clips.find((candidate) => candidate.seconds === settings.duration);
		if (!clip) return unknown(`${settings.model} prices are published only for ${price.clips.map((c) => `${c.seconds} s`).join(' and ')} clips (${source})`);
		const rates = settings.audio ? clip.withAudio : clip.rates;
		const rate = rates?.[settings.quality];
		if (rate === undefined) {
			const priced = Object.keys(rates ?? {});
			return unknown(`No ${settings.model} price is published for a ${clip.seconds} s ${settings.quality} clip${settings.audio ? ' with audio' : ''}${priced.length ? `; priced: ${priced.join(', ')}` : ''} (${source})`);
		}
		credits = rate;
		basis = `${rate} credits for a ${clip.seconds} s ${settings.quality} clip${settings.audio ? ' with audio' : ''} (${source})`;
	}
	if (settings.previewMode) {
		credits = Math.round(credits * PREVIEW_MODE_FACTOR.factor * 100) / 100;
		basis += `; preview mode x${PREVIEW_MODE_FACTOR.factor} (${PRICING_SOURCES[PREVIEW_MODE_FACTOR.source]})`;
	}
	return { credits, known: true, basis };
}

/** Expected credits of upscaling a video of this length to 4K. */
export function estimateUpscaleCredits(seconds: number): CreditEstimate {
	const source = PRICING_SOURCES[UPSCALE_PRICES.source];
	const credits = UPSCALE_PRICES.bySeconds[seconds];
	if (credits === undefined) {
		return unknown(`Upscale prices are published only for ${Object.keys(UPSCALE_PRICES.bySeconds).map((s) => `${s} s`).join(' and ')} videos (${source})`);
	}
	return { credits, known: true, basis: `${credits} credits to upscale a ${seconds} s video to 4K (${source})` };
}

/** What prices an effect template: the effects catalog's own cost fields. */
export interface EffectCostFields {
	video_base_cost?: unknown;
	fixed_cost?: unknown;
}

/** Credits one run of the template costs: video_base_cost + fixed_cost; undefined when the catalog gives neither. */
export function effectCost(effect: EffectCostFields): number | undefined {
	const base = Number(effect.video_base_cost);
	const fixed = Number(effect.fixed_cost);
	if (!Number.isFinite(base) && !Number.isFinite(fixed)) return undefined;
	return (Number.isFinite(base) ? base : 0) + (Number.isFinite(fixed) ? fixed : 0);
}

/** Expected credits of one run of an effect template, from the effects catalog. */
export function estimateEffectCredits(effect: EffectCostFields): CreditEstimate {
	const credits = effectCost(effect);
	if (credits === undefined) return unknown('The effects catalog gives no video_base_cost or fixed_cost for this template');
	return { credits, known: true, basis: `Effects catalog: video_base_cost ${Number(effect.video_base_cost) || 0} + fixed_cost ${Number(effect.fixed_cost) || 0}` };
}
