import type { IDataObject } from 'n8n-workflow';

import type { GenerationCharge } from '../models/generationCharge';
import { IMAGE_PRICES, MUSIC_PRICES, PRICING_SOURCES, SPEECH_PRICES } from '../models/pricing';
import { findImageModel } from './imageModels';

/**
 * What an image, a speech clip or a music track counts against a Credit Budget until the answer
 * gives its price: the published price only. A model without one has no figure, so a budget cannot
 * hold it (as for videos); nothing is guessed.
 */

const unpriced = (what: string, prices: Record<string, unknown>): GenerationCharge => ({
	credits: null,
	unpriced: what,
	priced: `the models with a published price, ${Object.keys(prices).join(', ')}`,
});

/** One image (the node asks for one per request): the model's price at the quality (its first when unset), else its dearest. */
export function chargeForImage(settings: IDataObject): GenerationCharge {
	const model = findImageModel(settings.model);
	const rates = IMAGE_PRICES.perImage[String(settings.model)];
	const quality = String(settings.quality ?? model?.qualities[0]);
	if (!rates) return unpriced(`model "${String(settings.model)}"`, IMAGE_PRICES.perImage);
	const source = PRICING_SOURCES[IMAGE_PRICES.source];
	const rate = rates[quality];
	if (rate !== undefined)
		return {
			credits: rate,
			basis: `${rate} credits per image on ${String(settings.model)} at ${quality} (${source})`,
		};
	const dearest = Math.max(...Object.values(rates));
	return {
		credits: dearest,
		basis: `No published price at ${quality}; counted at the dearest published ${String(settings.model)} rate, ${dearest} credits per image (${source})`,
	};
}

/** A clip of this text: one credit per so many characters, rounded up. */
export function chargeForSpeech(settings: IDataObject): GenerationCharge {
	const perCredit = SPEECH_PRICES.charactersPerCredit[String(settings.model)];
	if (perCredit === undefined) return unpriced(`model "${String(settings.model)}"`, SPEECH_PRICES.charactersPerCredit);
	const length = String(settings.text ?? '').length;
	const credits = Math.max(1, Math.ceil(length / perCredit));
	return {
		credits,
		basis: `${length} characters at 1 credit per ${perCredit}, rounded up, on ${String(settings.model)} (${PRICING_SOURCES[SPEECH_PRICES.source]})`,
	};
}

/** One track, whatever its length. */
export function chargeForMusic(settings: IDataObject): GenerationCharge {
	const credits = MUSIC_PRICES.perTrack[String(settings.model)];
	if (credits === undefined) return unpriced(`model "${String(settings.model)}"`, MUSIC_PRICES.perTrack);
	return {
		credits,
		basis: `${credits} credits per track on ${String(settings.model)} (${PRICING_SOURCES[MUSIC_PRICES.source]})`,
	};
}
