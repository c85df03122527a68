import { checkVideoSettings } from '../../nodes/core/models/validate';
import type { VideoSettings } from '../../nodes/core/models/validate';

const t2v = (settings: Partial<VideoSettings>): VideoSettings => ({ model: 'v6', prompt: 'a fox', hasImage: false, ...settings });

describe('checkVideoSettings', () => {
	it('accepts each model with its own defaults', () => {
		expect(checkVideoSettings('create', t2v({ model: 'v6', quality: '720p', duration: 5, aspectRatio: '16:9', audio: true, multiShot: true }))).toEqual([]);
		expect(checkVideoSettings('create', t2v({ model: 'veo-3.1-fast', quality: '1080p', duration: 8, aspectRatio: '9:16' }))).toEqual([]);
	});

	it('rejects 1080p for 10 s on v5.6 and names the allowed durations at 1080p', () => {
		const [problem] = checkVideoSettings('create', t2v({ model: 'v5.6', quality: '1080p', duration: 10 }));
		expect(problem.field).toBe('duration');
		expect(problem.value).toBe(10);
		expect(problem.message).toBe('Duration 10 s is not available on model "v5.6" at 1080p; allowed: 1 to 8 seconds');
	});

	it('rejects a quality the model lacks and lists the ones it has', () => {
		const [problem] = checkVideoSettings('create', t2v({ model: 'sora-2', quality: '1080p', duration: 4 }));
		expect(problem).toMatchObject({ field: 'quality', value: '1080p' });
		expect(problem.message).toContain('allowed: "720p"');
	});

	it('rejects discrete durations with the list', () => {
		const [problem] = checkVideoSettings('create', t2v({ model: 'veo-3.1-lite', quality: '720p', duration: 5 }));
		expect(problem.message).toContain('allowed: 4, 6, 8 seconds');
	});

	it('rejects multi_shot on a third-party model and names the model that has it', () => {
		const [problem] = checkVideoSettings('create', t2v({ model: 'kling-v3', multiShot: true }));
		expect(problem).toMatchObject({ field: 'multiShot', value: true });
		expect(problem.message).toBe('Multi-Shot is not available on model "kling-v3"; it works only with "v6"');
	});

	it('rejects native-only flags on third-party models', () => {
		const problems = checkVideoSettings('create', t2v({ model: 'seedance-2.0', previewMode: true, offPeakMode: true, seed: 42 }));
		expect(problems.map((problem) => problem.field)).toEqual(['previewMode', 'offPeakMode', 'seed']);
	});

	it('rejects an aspect ratio together with an input image', () => {
		const [problem] = checkVideoSettings('create', t2v({ hasImage: true, aspectRatio: '9:16' }));
		expect(problem).toMatchObject({ field: 'aspectRatio', value: '9:16' });
		expect(problem.message).toContain('takes the aspect ratio of the image');
	});

	it('rejects an aspect ratio the model lacks', () => {
		const [problem] = checkVideoSettings('create', t2v({ model: 'kling-o3', aspectRatio: '4:3' }));
		expect(problem.message).toBe('Aspect Ratio "4:3" is not available on model "kling-o3"; allowed: "16:9", "9:16", "1:1"');
	});

	it('rejects the audio switch on always-on and audio-less models', () => {
		expect(checkVideoSettings('create', t2v({ model: 'veo-3.1-standard', audio: true }))[0].message).toContain('always generates audio');
		expect(checkVideoSettings('create', t2v({ model: 'v5', audio: true }))[0].message).toContain('has no audio switch');
	});

	it('requires an image for image-only models', () => {
		expect(checkVideoSettings('create', t2v({ model: 'grok-imagine-1.5' }))[0].field).toBe('imageSource');
		expect(checkVideoSettings('create', t2v({ model: 'grok-imagine-1.5', hasImage: true }))).toEqual([]);
	});

	it('rejects unknown models and models not made for the operation, naming the allowed ones', () => {
		const [unknown] = checkVideoSettings('create', t2v({ model: 'v9' }));
		expect(unknown.field).toBe('model');
		expect(unknown.message).toContain('"v6"');
		expect(checkVideoSettings('modify', t2v({ model: 'v6' }))[0].message).toBe('Model "v6" cannot be used here; allowed models: "v5.5"');
	});

	it('checks prompt length and seed range', () => {
		expect(checkVideoSettings('create', t2v({ prompt: 'x'.repeat(5001) }))[0].field).toBe('prompt');
		expect(checkVideoSettings('create', t2v({ prompt: 'x'.repeat(5000) }))).toEqual([]);
		expect(checkVideoSettings('create', t2v({ seed: 2147483648 }))[0].field).toBe('seed');
		expect(checkVideoSettings('create', t2v({ seed: 7 }))).toEqual([]);
	});
});
