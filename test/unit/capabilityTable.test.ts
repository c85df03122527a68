import { capabilityFor, durationsAt, findModel, MODELS, modelsFor } from '../../nodes/core/models';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// Rows of useapi's model-capability page (pixverse-api.md §8.2) and endpoint matrix (§8.1).
const documentedRows = [
	{ id: 'v6', qualities: ['360p', '540p', '720p', '1080p'], defaultQuality: '720p', durations: range(1, 15), ratios: ['16:9', '9:16', '1:1', '4:3', '3:4'], audio: 'toggle', multiShot: true, previewMode: true, offPeakMode: true, seed: true },
	{ id: 'v5.6', qualities: ['360p', '540p', '720p', '1080p'], defaultQuality: '540p', durations: range(1, 10), ratios: ['16:9', '9:16', '1:1', '4:3', '3:4'], audio: 'toggle', multiShot: false, previewMode: true, offPeakMode: true, seed: true },
	{ id: 'v5.5', qualities: ['360p', '540p', '720p', '1080p'], defaultQuality: '540p', durations: range(1, 10), ratios: ['16:9', '9:16', '1:1', '4:3', '3:4'], audio: 'toggle', multiShot: false, previewMode: true, offPeakMode: true, seed: true },
	{ id: 'v5', qualities: ['360p', '540p', '720p', '1080p'], defaultQuality: '540p', durations: range(1, 10), ratios: ['16:9', '9:16', '1:1', '4:3', '3:4'], audio: 'none', multiShot: false, previewMode: true, offPeakMode: true, seed: true },
	{ id: 'v5-fast', qualities: ['360p', '540p', '720p', '1080p'], defaultQuality: '540p', durations: range(1, 10), ratios: ['16:9', '9:16', '1:1', '4:3', '3:4'], audio: 'none', multiShot: false, previewMode: false, offPeakMode: true, seed: true },
	{ id: 'pixverse-c1', qualities: ['360p', '540p', '720p', '1080p'], defaultQuality: '720p', durations: range(1, 15), ratios: ['16:9', '4:3', '1:1', '3:4', '9:16', '3:2', '2:3'], audio: 'toggle', multiShot: false, previewMode: true, offPeakMode: true, seed: true },
	{ id: 'seedance-2.0', qualities: ['480p', '720p', '1080p'], defaultQuality: '720p', durations: range(4, 15), ratios: ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9'], audio: 'toggle', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'seedance-2.0-fast', qualities: ['480p', '720p'], defaultQuality: '720p', durations: range(4, 15), ratios: ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9'], audio: 'toggle', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'kling-v3', qualities: ['720p', '1080p'], defaultQuality: '720p', durations: range(3, 15), ratios: ['16:9', '9:16', '1:1'], audio: 'toggle', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'kling-o3', qualities: ['720p', '1080p'], defaultQuality: '720p', durations: range(3, 15), ratios: ['16:9', '9:16', '1:1'], audio: 'toggle', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'veo-3.1-lite', qualities: ['720p', '1080p'], defaultQuality: '720p', durations: [4, 6, 8], ratios: ['16:9', '9:16'], audio: 'none', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'veo-3.1-standard', qualities: ['720p', '1080p'], defaultQuality: '720p', durations: [4, 6, 8], ratios: ['16:9', '9:16'], audio: 'always', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'veo-3.1-fast', qualities: ['720p', '1080p'], defaultQuality: '720p', durations: [4, 6, 8], ratios: ['16:9', '9:16'], audio: 'always', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'sora-2', qualities: ['720p'], defaultQuality: '720p', durations: [4, 8, 12], ratios: ['16:9', '9:16'], audio: 'none', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'sora-2-pro', qualities: ['720p', '1080p'], defaultQuality: '720p', durations: [4, 8, 12], ratios: ['16:9', '9:16'], audio: 'none', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'grok-imagine', qualities: ['480p', '720p'], defaultQuality: '720p', durations: range(1, 15), ratios: ['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3'], audio: 'none', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
	{ id: 'happyhorse-1.0', qualities: ['720p', '1080p'], defaultQuality: '720p', durations: range(3, 15), ratios: ['16:9', '9:16', '1:1', '4:3', '3:4'], audio: 'always', multiShot: false, previewMode: false, offPeakMode: false, seed: false },
];

describe('capability table', () => {
	it.each(documentedRows)('pins the documented row of $id', (row) => {
		const model = findModel(row.id)!;
		expect(model).toBeDefined();
		expect(model.operations).toContain('create');
		expect(model.qualities).toEqual(row.qualities);
		expect(model.defaultQuality).toBe(row.defaultQuality);
		expect(model.durations).toEqual(row.durations);
		expect(model.aspectRatios).toEqual(row.ratios);
		expect(model.audio).toBe(row.audio);
		expect({ multiShot: model.multiShot, previewMode: model.previewMode, offPeakMode: model.offPeakMode, seed: model.seed }).toEqual({
			multiShot: row.multiShot,
			previewMode: row.previewMode,
			offPeakMode: row.offPeakMode,
			seed: row.seed,
		});
	});

	it('caps 1080p at 8 seconds on every v5.x model and nowhere else among current models', () => {
		for (const id of ['v5.6', 'v5.5', 'v5', 'v5-fast']) {
			expect(durationsAt(findModel(id)!, '1080p')).toEqual(range(1, 8));
			expect(durationsAt(findModel(id)!, '720p')).toEqual(range(1, 10));
		}
		expect(durationsAt(findModel('v6')!, '1080p')).toEqual(range(1, 15));
	});

	it('knows which models each endpoint takes (§8.1)', () => {
		const ids = (operation: Parameters<typeof modelsFor>[0]) => modelsFor(operation).map((model) => model.id).sort();
		expect(ids('extend')).toEqual(['grok-imagine', 'v5', 'v5.5', 'v6']);
		expect(ids('upscale')).toEqual(['v5', 'v5-fast', 'v5.5', 'v5.6', 'v6']);
		expect(ids('modify')).toEqual(['v5.5']);
		expect(ids('motionControl')).toEqual(['v5.6']);
		expect(ids('lipsync')).toEqual(['v5']);
		expect(ids('createFusion')).toEqual(['kling-o3', 'pixverse-c1', 'seedance-2.0', 'seedance-2.0-fast', 'seedance-2.0-mini', 'v5', 'v5.6']);
	});

	it('lists the 2026 create models and keeps legacy ones off create', () => {
		expect(modelsFor('create').map((model) => model.id)).toEqual(expect.arrayContaining(['v6', 'v5.6', 'v5.5', 'v5', 'v5-fast', 'pixverse-c1', 'seedance-2.0', 'seedance-2.0-fast', 'seedance-2.0-mini', 'kling-o3', 'kling-v3', 'grok-imagine', 'grok-imagine-1.5', 'veo-3.1-lite', 'veo-3.1-standard', 'veo-3.1-fast', 'sora-2', 'sora-2-pro', 'happyhorse-1.0']));
		expect(findModel('v4')!.operations).not.toContain('create');
		expect(findModel('grok-imagine-1.5')!.requiresImage).toBe(true);
	});

	it('marks third-party rows that useapi does not document as inferred', () => {
		expect(findModel('v6')!.inferred).toBe(false);
		expect(findModel('seedance-2.0')!.inferred).toBe(false);
		expect(MODELS.filter((model) => model.inferred).map((model) => model.id)).toEqual(expect.arrayContaining(['kling-v3', 'veo-3.1-fast', 'sora-2']));
	});

	it('applies per-endpoint limits over the create row', () => {
		expect(capabilityFor(findModel('v5.5')!, 'modify').qualities).toEqual(['360p', '540p', '720p']);
		expect(capabilityFor(findModel('v5.5')!, 'create').qualities).toEqual(['360p', '540p', '720p', '1080p']);
		expect(capabilityFor(findModel('v5.6')!, 'motionControl').defaultQuality).toBe('720p');
		expect(capabilityFor(findModel('grok-imagine')!, 'extend').durations).toEqual(range(2, 10));
		expect(capabilityFor(findModel('v5.5')!, 'extend').audio).toBe('none');
		expect(capabilityFor(findModel('v6')!, 'extend').audio).toBe('toggle');
		const fusion = Object.fromEntries(modelsFor('createFusion').map((model) => [model.id, [model.maxImages, model.maxVideos ?? 0, model.maxAudios ?? 0]]));
		expect(fusion).toEqual({ 'v5.6': [7, 0, 0], v5: [3, 0, 0], 'pixverse-c1': [7, 0, 0], 'seedance-2.0': [9, 3, 3], 'seedance-2.0-fast': [9, 3, 3], 'seedance-2.0-mini': [9, 3, 3], 'kling-o3': [7, 0, 0] });
		expect(Object.fromEntries(modelsFor('createTransition').map((model) => [model.id, model.maxFrames]))).toEqual({ 'v5.6': 2, 'v5.5': 2, v5: 7, 'v4.5': 7, v4: 7 });
	});
});
