import { findModel } from '../../nodes/core/models';
import { optionValues, visibleField, visibleFields as visible } from './nodeForm';

const create = (model: string, extra: Record<string, unknown> = {}) => ({ resource: 'video', operation: 'create', imageSource: 'none', model, ...extra });

describe('model-aware form', () => {
	it.each(['v6', 'v5.6', 'seedance-2.0', 'veo-3.1-fast', 'sora-2', 'kling-o3', 'pixverse-c1'])('shows exactly the qualities, durations and ratios of %s with its defaults', (id) => {
		const model = findModel(id)!;
		const quality = visibleField(create(id), 'quality');
		const duration = visibleField(create(id), 'duration');
		const ratio = visibleField(create(id), 'aspectRatio');
		expect(optionValues(quality)).toEqual(model.qualities);
		expect(quality?.default).toBe(model.defaultQuality);
		expect(optionValues(duration)).toEqual(model.durations);
		expect(duration?.default).toBe(model.defaultDuration);
		expect(optionValues(ratio)).toEqual(model.aspectRatios);
	});

	it('shows only the switches a model supports', () => {
		const names = (id: string) => visible(create(id)).map((property) => property.name);
		expect(names('v6')).toEqual(expect.arrayContaining(['audio', 'multiShot', 'previewMode', 'offPeakMode', 'seed']));
		expect(names('v5.6')).not.toContain('multiShot');
		expect(names('v5')).not.toContain('audio');
		for (const flag of ['audio', 'multiShot', 'previewMode', 'offPeakMode', 'seed']) expect(names('veo-3.1-standard')).not.toContain(flag);
		expect(names('veo-3.1-standard')).toContain('audioAlwaysNotice');
		expect(names('seedance-2.0')).toEqual(expect.arrayContaining(['audio']));
		expect(names('seedance-2.0')).not.toEqual(expect.arrayContaining(['seed']));
	});

	it('hides Aspect Ratio when the video starts from an image', () => {
		expect(visibleField(create('v6', { imageSource: 'binary' }), 'aspectRatio')).toBeUndefined();
		expect(visibleField(create('v6', { imageSource: 'path' }), 'aspectRatio')).toBeUndefined();
	});

	it('offers every create model in the Model dropdown', () => {
		expect(optionValues(visibleField(create('v6'), 'model'))).toContain('happyhorse-1.0');
		expect(optionValues(visibleField(create('v6'), 'model'))).not.toContain('v4');
	});
});
