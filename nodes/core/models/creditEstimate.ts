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
