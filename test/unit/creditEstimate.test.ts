import { estimateCreateCredits, estimateUpscaleCredits } from '../../nodes/core/models/creditEstimate';
import { MODELS } from '../../nodes/core/models';
import { MODEL_PRICES } from '../../nodes/core/models/pricing';

describe('estimateCreateCredits', () => {
	it('prices v6 per second at each quality, audio included', () => {
		expect(estimateCreateCredits({ model: 'v6', quality: '360p', duration: 5 }).credits).toBe(20);
		expect(estimateCreateCredits({ model: 'v6', quality: '720p', duration: 5, audio: true })).toMatchObject({ credits: 35, known: true });
		expect(estimateCreateCredits({ model: 'v6', quality: '1080p', duration: 15 }).credits).toBe(210);
		expect(estimateCreateCredits({ model: 'v6', quality: '540p', duration: 8 }).basis).toMatch(/^6 credits per second at 540p x 8 s, audio included \(useapi\.net/);
	});

	it('applies the preview discount', () => {
		expect(estimateCreateCredits({ model: 'v6', quality: '720p', duration: 5, previewMode: true })).toMatchObject({ credits: 28, known: true });
		expect(estimateCreateCredits({ model: 'v6', quality: '720p', duration: 1, previewMode: true }).credits).toBe(5.6);
	});

	it('prices v5.5 five-second clips with and without audio, and nothing else', () => {
		expect(estimateCreateCredits({ model: 'v5.5', quality: '540p', duration: 5 }).credits).toBe(30);
		expect(estimateCreateCredits({ model: 'v5.5', quality: '540p', duration: 5, audio: true }).credits).toBe(40);
		expect(estimateCreateCredits({ model: 'v5.5', quality: '720p', duration: 5 })).toMatchObject({ credits: null, known: false });
		const other = estimateCreateCredits({ model: 'v5.5', quality: '540p', duration: 6 });
		expect(other).toMatchObject({ credits: null, known: false });
		expect(other.basis).toMatch(/^v5\.5 prices are published only for 5 s clips/);
	});

	it('prices v5 at 5 s and 8 s clips', () => {
		expect(estimateCreateCredits({ model: 'v5', quality: '1080p', duration: 5 }).credits).toBe(80);
		expect(estimateCreateCredits({ model: 'v5', quality: '720p', duration: 8 }).credits).toBe(80);
		expect(estimateCreateCredits({ model: 'v5', quality: '1080p', duration: 8 }).known).toBe(false);
	});

	it('prices Seedance 2.0 per second and says the source is silent on audio', () => {
		const estimate = estimateCreateCredits({ model: 'seedance-2.0', quality: '720p', duration: 4, audio: true });
		expect(estimate).toMatchObject({ credits: 180, known: true });
		expect(estimate.basis).toContain('does not say whether audio costs extra');
	});

	it('says so for a model without a published price instead of guessing', () => {
		const estimate = estimateCreateCredits({ model: 'kling-v3', quality: '720p', duration: 5 });
		expect(estimate).toEqual({ credits: null, known: false, basis: expect.stringMatching(/^No credit price is published for model "kling-v3"/) });
	});

	it('has prices only for models of the capability table', () => {
		const ids = new Set(MODELS.map((model) => model.id));
		for (const model of Object.keys(MODEL_PRICES)) expect(ids.has(model)).toBe(true);
	});
});

describe('estimateUpscaleCredits', () => {
	it('knows 5 s and 8 s videos only', () => {
		expect(estimateUpscaleCredits(5)).toMatchObject({ credits: 30, known: true });
		expect(estimateUpscaleCredits(8)).toMatchObject({ credits: 60, known: true });
		expect(estimateUpscaleCredits(6)).toMatchObject({ credits: null, known: false });
	});
});
