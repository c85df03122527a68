import { checkEffectRequest, describeEffect } from '../../nodes/PixVerse/catalogs/effects';
import type { Effect } from '../../nodes/core/api/catalogs';
import { effectImageRange, findEffect } from '../../nodes/PixVerse/catalogs/effects';
import { effectCost } from '../../nodes/core/models/creditEstimate';
import { filterEffects } from '../../nodes/PixVerse/actions/effect/list';
import { effectImageFields, numberedFields, segmentFields } from '../../nodes/PixVerse/actions/shared/frameFieldNames';
import { splitList } from '../../nodes/PixVerse/actions/shared/fileFields';
import { checkFusionReferences, checkTransitionFrames } from '../../nodes/core/models/references';

const effect = (overrides: Partial<Effect> = {}): Effect => ({
	template_id: 384628677917440,
	display_name: 'Family Reunion',
	effect_type: '5',
	template_type: 1,
	duration: 5,
	qualities: ['360p', '540p', '720p'],
	video_base_cost: 40,
	fixed_cost: 20,
	...overrides,
});

describe('frame field naming', () => {
	it('names effect images first/last for one or two, frame_N for more, never mixed', () => {
		expect(effectImageFields(1)).toEqual(['first_frame_path']);
		expect(effectImageFields(2)).toEqual(['first_frame_path', 'last_frame_path']);
		expect(effectImageFields(4)).toEqual(['frame_1_path', 'frame_2_path', 'frame_3_path', 'frame_4_path']);
	});

	it('numbers fusion references and names transition segments between consecutive frames', () => {
		expect(numberedFields('video', 2)).toEqual(['video_1_path', 'video_2_path']);
		expect(segmentFields(3)).toEqual([
			{ prompt: 'prompt_1_to_2', duration: 'duration_1_to_2' },
			{ prompt: 'prompt_2_to_3', duration: 'duration_2_to_3' },
		]);
		expect(segmentFields(1)).toEqual([]);
	});

	it('reads comma- or newline-separated lists of binary fields or paths', () => {
		expect(splitList(' data, data2 ,\nthird,, ')).toEqual(['data', 'data2', 'third']);
		expect(splitList('')).toEqual([]);
	});
});

describe('effect templates', () => {
	it('reads the image count from the effect type: N, or 2 to N above 2', () => {
		expect(effectImageRange({ effect_type: '1' })).toEqual({ min: 1, max: 1 });
		expect(effectImageRange({ effect_type: '2' })).toEqual({ min: 2, max: 2 });
		expect(effectImageRange({ effect_type: '5' })).toEqual({ min: 2, max: 5 });
	});

	it('costs video_base_cost + fixed_cost, and says so when the catalog gives no costs', () => {
		expect(effectCost(effect())).toBe(60);
		expect(effectCost({ video_base_cost: 30 })).toBe(30);
		expect(effectCost({})).toBeUndefined();
	});

	it('finds a template by id given as text or number', () => {
		expect(findEffect([effect()], ' 384628677917440 ')?.display_name).toBe('Family Reunion');
		expect(findEffect([effect()], 1)).toBeUndefined();
	});

	it("accepts only the template's own qualities, naming them", () => {
		expect(checkEffectRequest(effect(), { quality: '720p', imageCount: 3 })).toEqual([]);
		expect(checkEffectRequest(effect(), { imageCount: 2 })).toEqual([]);
		expect(checkEffectRequest(effect(), { quality: '1080p', imageCount: 3 })).toEqual([
			{ field: 'quality', value: '1080p', message: 'Quality "1080p" is not available for effect "Family Reunion" (384628677917440); allowed: "360p", "540p", "720p"' },
		]);
	});

	it('accepts only the number of images the effect type takes', () => {
		expect(checkEffectRequest(effect(), { imageCount: 6 })[0].message).toBe('Effect "Family Reunion" (384628677917440) takes 2 to 5 input images; got 6');
		expect(checkEffectRequest(effect({ effect_type: '2' }), { imageCount: 1 })[0].message).toBe('Effect "Family Reunion" (384628677917440) takes 2 input images; got 1');
		expect(checkEffectRequest(effect({ effect_type: '1' }), { imageCount: 1 })).toEqual([]);
	});

	it('describes a template in one line for the picker', () => {
		expect(describeEffect(effect(), 60)).toBe('Type 5 (2-5 images) · video · 5 s · 360p/540p/720p · 60 credits');
		expect(describeEffect(effect({ effect_type: '1', template_type: 2, duration: 1, qualities: [] }), undefined)).toBe('Type 1 (1 image) · still image · 1 s');
	});

	it('filters by name (any case), effect type and result', () => {
		const all = [effect(), effect({ template_id: 2, display_name: 'Warm Hug', effect_type: '2' }), effect({ template_id: 3, display_name: 'Polaroid', effect_type: '1', template_type: 2 })];
		expect(filterEffects(all, { name: 'HUG' }).map((e) => e.template_id)).toEqual([2]);
		expect(filterEffects(all, { effectType: '1' }).map((e) => e.template_id)).toEqual([3]);
		expect(filterEffects(all, { result: 'video' }).map((e) => e.template_id)).toEqual([384628677917440, 2]);
		expect(filterEffects(all, {})).toHaveLength(3);
	});
});

describe('fusion reference limits', () => {
	it('takes up to the model limit of images, videos and audios', () => {
		expect(checkFusionReferences('pixverse-c1', { images: 7, videos: 0, audios: 0 })).toEqual([]);
		expect(checkFusionReferences('seedance-2.0', { images: 9, videos: 3, audios: 3 })).toEqual([]);
	});

	it("names the model's limit when there are too many", () => {
		expect(checkFusionReferences('v5', { images: 4, videos: 0, audios: 0 })).toEqual([
			{ field: 'referenceImages', value: '4 reference images', message: 'Model "v5" takes at most 3 reference images; got 4' },
		]);
		expect(checkFusionReferences('seedance-2.0-fast', { images: 1, videos: 4, audios: 0 })[0].message).toBe('Model "seedance-2.0-fast" takes at most 3 reference videos; got 4');
		expect(checkFusionReferences('kling-o3', { images: 1, videos: 0, audios: 1 })[0].message).toBe('Model "kling-o3" takes no reference audios; remove them or pick a model that does');
	});

	it('needs at least one reference image', () => {
		expect(checkFusionReferences('pixverse-c1', { images: 0, videos: 0, audios: 0 })[0].field).toBe('referenceImages');
	});
});

describe('transition frames', () => {
	it('takes 2 up to the model limit of frames', () => {
		expect(checkTransitionFrames('v5', '540p', Array.from({ length: 7 }, () => ({ duration: 5 })))).toEqual([]);
		expect(checkTransitionFrames('v5.5', '540p', [{ duration: 5 }, {}])).toEqual([]);
		expect(checkTransitionFrames('v5.5', '540p', [{}, {}, {}])[0].message).toBe('Model "v5.5" makes a transition from exactly 2 frames; got 3');
		expect(checkTransitionFrames('v4', '540p', Array.from({ length: 8 }, () => ({})))[0].message).toBe('Model "v4" makes a transition from 2 to 7 frames; got 8');
	});

	it('checks each segment duration at the quality, ignoring the last frame', () => {
		expect(checkTransitionFrames('v5', '1080p', [{ duration: 9 }, { duration: 99 }])[0].message).toBe(
			'Duration 9 s of the segment from frame 1 to 2 is not available on model "v5" at 1080p; allowed: 1 to 8 seconds',
		);
		expect(checkTransitionFrames('v4.5', '540p', [{ duration: 6 }, { duration: 99 }])[0].message).toContain('allowed: 5, 8 seconds');
		expect(checkTransitionFrames('v5', '540p', [{ duration: 10 }, { duration: 99 }])).toEqual([]);
	});

	it('checks segment prompt lengths', () => {
		expect(checkTransitionFrames('v5', '540p', [{ prompt: 'x'.repeat(5001) }, {}])[0].value).toBe('5001 characters');
	});
});
