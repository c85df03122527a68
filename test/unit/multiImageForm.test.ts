import { optionValues as values, visibleField, visibleNames } from './nodeForm';

describe('forms of the effect and multi-image operations', () => {
	it('Create From Effect: a searchable effect picker or an ID, images from binaries or paths, no model', () => {
		const form = { resource: 'video', operation: 'createFromEffect', imagesSource: 'binary' };
		const effect = visibleField(form, 'effect')!;
		expect(effect.type).toBe('resourceLocator');
		expect(effect.modes!.map((mode) => [mode.name, mode.typeOptions?.searchListMethod, mode.typeOptions?.searchable])).toEqual([
			['list', 'searchEffects', true],
			['id', undefined, undefined],
		]);
		expect(visibleNames(form)).toEqual(expect.arrayContaining(['imagesBinaryFields', 'quality', 'account', 'waitMode']));
		expect(visibleNames(form)).not.toContain('model');
		expect(visibleNames({ ...form, imagesSource: 'path' })).toContain('imagesPaths');
		expect(values(visibleField(form, 'quality'))[0]).toBe('');
	});

	it('Create From First and Last Frame: two images, v5.6 by default, no aspect ratio', () => {
		const form = { resource: 'video', operation: 'createFrames', model: 'v5.6', firstFrameSource: 'binary', lastFrameSource: 'path' };
		expect(visibleField(form, 'model')?.default).toBe('v5.6');
		expect(values(visibleField(form, 'model'))).not.toContain('sora-2');
		expect(visibleNames(form)).toEqual(expect.arrayContaining(['firstFrameBinaryProperty', 'lastFramePath', 'prompt', 'quality', 'duration', 'audio']));
		expect(visibleNames(form)).not.toContain('aspectRatio');
		expect(visibleNames(form)).not.toContain('multiShot');
	});

	it('Create Transition: the transition models, v5 by default, frames as a list, no overall duration', () => {
		const form = { resource: 'video', operation: 'createTransition', model: 'v5' };
		expect(visibleField(form, 'model')?.default).toBe('v5');
		expect(values(visibleField(form, 'model'))).toEqual(['v5.6', 'v5.5', 'v5', 'v4.5', 'v4']);
		const frames = visibleField(form, 'frames')!;
		expect(frames.typeOptions?.multipleValues).toBe(true);
		expect(visibleNames(form)).not.toContain('duration');
		expect(visibleNames(form)).not.toContain('aspectRatio');
	});

	it('Create Fusion: reference videos and audios only on the models that take them', () => {
		const form = (model: string) => ({ resource: 'video', operation: 'createFusion', model, referenceImagesSource: 'binary' });
		expect(visibleField(form('pixverse-c1'), 'model')?.default).toBe('pixverse-c1');
		expect(visibleNames(form('pixverse-c1'))).toEqual(expect.arrayContaining(['prompt', 'aspectRatio', 'referenceImagesBinaryFields']));
		expect(visibleNames(form('pixverse-c1'))).not.toContain('referenceVideosSource');
		expect(visibleNames(form('seedance-2.0'))).toEqual(expect.arrayContaining(['referenceVideosSource', 'referenceAudiosSource']));
		expect(visibleNames(form('seedance-2.0'))).not.toContain('seed');
	});

	it('Effect > List: Return All or Limit, and filters', () => {
		const names = visibleNames({ resource: 'effect', operation: 'list', returnAll: false });
		expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit', 'filters', 'account']));
		expect(visibleNames({ resource: 'effect', operation: 'list', returnAll: true })).not.toContain('limit');
	});
});
