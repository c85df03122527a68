import { NodeHelpers } from 'n8n-workflow';

import { findModel } from '../../nodes/core/models';
import { HIDDEN_REASONS } from '../../nodes/core/models/formFields';
import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
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

describe('hidden stand-ins keep a value the form hides, so the node can refuse it', () => {
	const description = new PixVerse().description;
	/** What n8n keeps of a node's parameters before execute() (the Workflow constructor's call). */
	const kept = (parameters: Record<string, unknown>) => NodeHelpers.getNodeParameters(description.properties, parameters as never, true, false, null, description)!;

	it.each([
		['seed on Seedance', create('seedance-2.0', { seed: 42 }), 'seed', 42],
		['multiShot on v5.5', create('v5.5', { multiShot: true }), 'multiShot', true],
		['aspectRatio with an image', create('v6', { imageSource: 'path', aspectRatio: '9:16' }), 'aspectRatio', '9:16'],
	])('%s', (_label, parameters, name, value) => {
		expect(kept(parameters)[name]).toEqual(value);
		expect(visible(parameters).map((property) => property.name)).not.toContain(name);
	});
});

describe('each hidden stand-in says why its field does not apply there', () => {
	const standIns = new PixVerse().description.properties.filter((property) => property.type === 'hidden');

	it('every stand-in of the action node carries a reason', () => {
		expect(standIns.length).toBeGreaterThan(0);
		expect(standIns.filter((standIn) => !standIn.description).map((standIn) => standIn.name)).toEqual([]);
	});

	it.each([
		['audio', 'veo-3.1-fast', HIDDEN_REASONS.audioAlways],
		['audio', 'veo-3.1-lite', HIDDEN_REASONS.audioNone],
		['multiShot', 'v5.5', HIDDEN_REASONS.unsupported('Multi-Shot')],
		['seed', 'seedance-2.0', HIDDEN_REASONS.unsupported('Seed')],
	])('%s on %s: the stand-in shown for that model gives its reason', (name, model, reason) => {
		const parameters = create(model);
		const shown = standIns.filter((standIn) => standIn.name === name && NodeHelpers.displayParameter(parameters as never, standIn, null, null));
		expect(shown.map((standIn) => standIn.description)).toContain(reason);
	});
});

