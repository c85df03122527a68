import type { IDataObject } from 'n8n-workflow';

import type { CreditEstimate } from '../models/creditEstimate';
import type { GenerationCharge } from '../models/generationCharge';
import { IMAGE_PRICES, MUSIC_PRICES, PRICING_SOURCES, SPEECH_PRICES } from '../models/pricing';
import { findImageModel } from './imageModels';

/**
 * Credits of an image, a speech clip or a music track from useapi.net's published prices: the
 * estimate (known, or unknown with why: never guessed), and what it counts against a Credit
 * Budget until the answer gives its price. A priced model at an unpriced setting counts at its
 * dearest rate; a model without any price has no figure, so a budget cannot hold it (as for videos).
 */

const known = (credits: number, basis: string): CreditEstimate => ({ credits, known: true, basis });
const unknown = (basis: string): CreditEstimate => ({ credits: null, known: false, basis });
const pricedModels = (prices: Record<string, unknown>) => `priced models: ${Object.keys(prices).join(', ')}`;

/** The images of one request (Image Count, `create_count`, 1 when unset) on their model at their quality (the model's first when unset). */
export function estimateImageCredits(settings: IDataObject): CreditEstimate {
	const count = Number(settings.create_count ?? 1);
	const model = String(settings.model);
	const rates = IMAGE_PRICES.perImage[model];
	const quality = String(settings.quality ?? findImageModel(model)?.qualities[0]);
	const source = PRICING_SOURCES[IMAGE_PRICES.source];
	if (!rates) return unknown(`No credit price is published for image model "${model}"; ${pricedModels(IMAGE_PRICES.perImage)} (${source})`);
	const rate = rates[quality];
	if (rate === undefined) return unknown(`No ${model} price is published for ${quality}; priced qualities: ${Object.keys(rates).join(', ')} (${source})`);
	return known(rate * count, `${rate} credits per image on ${model} at ${quality}${count > 1 ? ` x ${count} images` : ''} (${source})`);
}

/** A clip of this text: one credit per so many characters, rounded up. */
export function estimateSpeechCredits(settings: IDataObject): CreditEstimate {
	const model = String(settings.model);
	const perCredit = SPEECH_PRICES.charactersPerCredit[model];
	const source = PRICING_SOURCES[SPEECH_PRICES.source];
	if (perCredit === undefined) return unknown(`No credit price is published for speech model "${model}"; ${pricedModels(SPEECH_PRICES.charactersPerCredit)} (${source})`);
	const length = String(settings.text ?? '').length;
	return known(Math.max(1, Math.ceil(length / perCredit)), `${length} characters at 1 credit per ${perCredit}, rounded up, on ${model} (${source})`);
}

/** One track, whatever its length. */
export function estimateMusicCredits(settings: IDataObject): CreditEstimate {
	const model = String(settings.model);
	const credits = MUSIC_PRICES.perTrack[model];
	const source = PRICING_SOURCES[MUSIC_PRICES.source];
	if (credits === undefined) return unknown(`No credit price is published for music model "${model}"; ${pricedModels(MUSIC_PRICES.perTrack)} (${source})`);
	return known(credits, `${credits} credits per track on ${model} (${source})`);
}

/** What an estimate counts against a budget: its figure, else `dearest` (a priced model at an unpriced setting), else none. */
function charged(estimate: CreditEstimate, model: unknown, prices: Record<string, unknown>, dearest?: number): GenerationCharge {
	if (estimate.known) return { credits: estimate.credits!, basis: estimate.basis };
	if (dearest !== undefined) return { credits: dearest, basis: `${estimate.basis}; counted at the dearest published ${String(model)} rate, ${dearest} credits` };
	return { credits: null, unpriced: `model "${String(model)}"`, priced: `the models with a published price, ${Object.keys(prices).join(', ')}` };
}

export function chargeForImage(settings: IDataObject): GenerationCharge {
	const rates = IMAGE_PRICES.perImage[String(settings.model)];
	const count = Number(settings.create_count ?? 1);
	return charged(estimateImageCredits(settings), settings.model, IMAGE_PRICES.perImage, rates ? Math.max(...Object.values(rates)) * count : undefined);
}

export const chargeForSpeech = (settings: IDataObject): GenerationCharge => charged(estimateSpeechCredits(settings), settings.model, SPEECH_PRICES.charactersPerCredit);

export const chargeForMusic = (settings: IDataObject): GenerationCharge => charged(estimateMusicCredits(settings), settings.model, MUSIC_PRICES.perTrack);
