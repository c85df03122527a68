import type { SettingProblem } from '../models/validate';
import type { Effect } from './effects';
import { effectImageRange } from './effects';

const listOf = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(', ');

/**
 * An effect template decides model and duration; what the request still chooses must fit it:
 * the quality must be one of the template's own, and the number of input images its effect type.
 */
export function checkEffectRequest(effect: Effect, request: { quality?: string; imageCount: number }): SettingProblem[] {
	const problems: SettingProblem[] = [];
	const name = `"${effect.display_name}" (${effect.template_id})`;
	if (request.quality && effect.qualities.length && !effect.qualities.includes(request.quality)) {
		problems.push({
			field: 'quality',
			value: request.quality,
			message: `Quality "${request.quality}" is not available for effect ${name}; allowed: ${listOf(effect.qualities)}`,
		});
	}
	const { min, max } = effectImageRange(effect);
	if (request.imageCount < min || request.imageCount > max) {
		const wanted = min === max ? `${min} input image${min === 1 ? '' : 's'}` : `${min} to ${max} input images`;
		problems.push({
			field: 'images',
			value: request.imageCount,
			message: `Effect ${name} takes ${wanted}; got ${request.imageCount}`,
		});
	}
	return problems;
}

/** One line about a template for pickers: inputs, output, duration, qualities, credits. */
export function describeEffect(effect: Effect, cost: number | undefined): string {
	const { min, max } = effectImageRange(effect);
	const images = min === max ? `${min} image${min === 1 ? '' : 's'}` : `${min}-${max} images`;
	const parts = [
		`Type ${effect.effect_type} (${images})`,
		Number(effect.template_type) === 2 ? 'still image' : 'video',
	];
	if (effect.duration) parts.push(`${effect.duration} s`);
	if (effect.qualities.length) parts.push(effect.qualities.join('/'));
	if (cost !== undefined) parts.push(`${cost} credits`);
	return parts.join(' · ');
}
