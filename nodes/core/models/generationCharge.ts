import { modelsFor } from './index';
import type { ModelOperation } from './schema';
import type { CreateSettings, CreditEstimate, EffectCostFields } from './creditEstimate';
import { estimateCreateCredits, estimateEffectCredits, estimateUpscaleCredits } from './creditEstimate';
import type { ModelPrice } from './pricing';
import { MODEL_PRICES, UPSCALE_PRICES } from './pricing';

/**
 * What one generation counts against a Credit Budget until its answer gives the price
 * (`cost_credits`): the published estimate. Where no price is published for these settings, the
 * dearest published rate of the same model (or of the upscaler) for a video of this length, so an
 * unknown price is never counted low. Where nothing at all is published for the model or the
 * operation, there is no figure: a budget cannot hold the item.
 */
export type GenerationCharge = { credits: number; basis: string } | { credits: null; unpriced: string; priced: string };

const PRICED_MODELS = Object.keys(MODEL_PRICES);

/** What a Credit Budget can hold, for the refusal of anything else. */
const PRICED_OPERATIONS =
	`Create, Create From First and Last Frame, Create Fusion, Create Transition and Extend on the models ${PRICED_MODELS.join(', ')}; ` +
	'Create From Effect with a template the effects catalog prices (or of one of those models); Upscale';

/** The dearest published rate of a model, per second of video (any quality, audio on, no discount). */
function dearestPerSecond(price: ModelPrice): number {
	if (price.kind === 'perSecond') return Math.max(...Object.values(price.rates));
	return Math.max(...price.clips.flatMap((clip) => [...Object.values(clip.rates), ...Object.values(clip.withAudio ?? {})].map((rate) => rate / clip.seconds)));
}

const counted = (estimate: CreditEstimate, ratePerSecond: number, seconds: number, of: string): GenerationCharge => ({
	credits: Math.ceil(ratePerSecond * seconds),
	basis: `${estimate.basis}; counted at the dearest published ${of} rate, ${ratePerSecond} credits per second x ${seconds} s`,
});

/** A video a model renders at a quality and length: Create, First and Last Frame, Fusion, Transition, Extend. */
export function chargeForVideo(operation: ModelOperation, settings: CreateSettings): GenerationCharge {
	const estimate = estimateCreateCredits(settings);
	if (estimate.known) return { credits: estimate.credits!, basis: estimate.basis };
	const price = MODEL_PRICES[settings.model];
	if (!price) {
		const priced = modelsFor(operation).filter((model) => MODEL_PRICES[model.id]).map((model) => model.id);
		return { credits: null, unpriced: `model "${settings.model}"`, priced: `the models with a published price, ${priced.join(', ')}` };
	}
	return counted(estimate, dearestPerSecond(price), settings.duration, settings.model);
}

/** The longest video the upscaler takes (its models' longest duration), for a source of unknown length. */
const LONGEST_UPSCALABLE = Math.max(...modelsFor('upscale').flatMap((model) => model.durations));

/** Upscaling a video of this length (undefined: the source's length is not known). */
export function chargeForUpscale(seconds: number | undefined): GenerationCharge {
	const estimate = seconds === undefined
		? { credits: null, known: false, basis: `The source video's length is not known; counted as the longest video the upscaler takes, ${LONGEST_UPSCALABLE} s` }
		: estimateUpscaleCredits(seconds);
	if (estimate.known) return { credits: estimate.credits!, basis: estimate.basis };
	const rate = Math.max(...Object.entries(UPSCALE_PRICES.bySeconds).map(([length, credits]) => credits / Number(length)));
	return counted(estimate, rate, seconds ?? LONGEST_UPSCALABLE, 'upscale');
}

export interface PricedEffect extends EffectCostFields {
	template_id: number | string;
	template_model?: string;
	duration?: number;
}

/** One run of an effect template: the catalog's cost, else as a video of the template's model and length. */
export function chargeForEffect(effect: PricedEffect): GenerationCharge {
	const estimate = estimateEffectCredits(effect);
	if (estimate.known) return { credits: estimate.credits!, basis: estimate.basis };
	const price = effect.template_model ? MODEL_PRICES[effect.template_model] : undefined;
	const seconds = Number(effect.duration);
	if (!price || !(seconds > 0)) {
		return {
			credits: null,
			unpriced: `effect template ${effect.template_id} (the catalog gives no cost${effect.template_model ? `, and model "${effect.template_model}" has no published price` : ''})`,
			priced: `templates the effects catalog prices, or templates of the models ${PRICED_MODELS.join(', ')}`,
		};
	}
	return counted(estimate, dearestPerSecond(price), seconds, effect.template_model!);
}

/** An operation no price is published for (Lip Sync, Modify, Motion Control, Restyle). */
export function unpricedOperation(operation: string): GenerationCharge {
	return { credits: null, unpriced: operation, priced: PRICED_OPERATIONS };
}
