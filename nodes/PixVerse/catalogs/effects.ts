import type { Effect } from '../../core/api/catalogs';
import type { SettingProblem } from '../../core/models/validate';

export function findEffect(effects: Effect[], templateId: string | number): Effect | undefined {
	return effects.find((effect) => String(effect.template_id) === String(templateId).trim());
}

/** How many input images a template takes: effect_type N, or 2 to N when N is above 2. */
export function effectImageRange(effect: Pick<Effect, 'effect_type'>): { min: number; max: number } {
	const count = Math.max(1, Number.parseInt(effect.effect_type, 10) || 1);
	return count > 2 ? { min: 2, max: count } : { min: count, max: count };
}

/** Whether the template makes a still image (answered with image_id) rather than a video. */
export const isImageEffect = (effect: Pick<Effect, 'template_type'>): boolean => Number(effect.template_type) === 2;

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
