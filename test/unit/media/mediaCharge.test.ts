import { chargeForImage, chargeForMusic, chargeForSpeech } from '../../../nodes/core/media/mediaCharge';

describe('what images, speech and music count against a Credit Budget', () => {
	it('counts an image at its model and quality, its first quality when unset', () => {
		expect(chargeForImage({ model: 'qwen-image', quality: '1080p' })).toMatchObject({ credits: 10 });
		expect(chargeForImage({ model: 'qwen-image' })).toMatchObject({ credits: 5 });
		expect(chargeForImage({ model: 'nano-banana-pro', quality: '2160p' })).toMatchObject({ credits: 90 });
		expect(chargeForImage({ model: 'nano-banana-2', quality: '512p' })).toMatchObject({ credits: 16, basis: expect.stringContaining('16 credits per image on nano-banana-2 at 512p') });
	});

	it('counts every image of an Image Count', () => {
		expect(chargeForImage({ model: 'qwen-image', quality: '1080p', create_count: 3 })).toMatchObject({ credits: 30, basis: expect.stringContaining('10 credits per image on qwen-image at 1080p x 3 images') });
		expect(chargeForImage({ model: 'seedream-4.0', quality: '4320p', create_count: 2 })).toMatchObject({ credits: 20 });
	});

	it('counts a priced model at an unpriced quality at its dearest rate, never lower', () => {
		expect(chargeForImage({ model: 'seedream-4.0', quality: '4320p' })).toMatchObject({ credits: 10, basis: expect.stringContaining('dearest published seedream-4.0 rate') });
		expect(chargeForImage({ model: 'nano-banana-2', quality: '4320p' })).toMatchObject({ credits: 60 });
	});

	it('has no figure for a model without a published price: a budget cannot hold it', () => {
		for (const model of ['gpt-image-2.0', 'kling-3.0', 'kling-o3', 'nano-banana-2-lite', 'seedream-5.0-pro']) {
			expect(chargeForImage({ model, quality: '1080p' })).toEqual({ credits: null, unpriced: `model "${model}"`, priced: expect.stringContaining('qwen-image') });
		}
	});

	it('counts speech per character, rounded up, at least one credit', () => {
		expect(chargeForSpeech({ model: 'speech-2.8-hd', text: 'x'.repeat(26) })).toMatchObject({ credits: 1 });
		expect(chargeForSpeech({ model: 'speech-2.8-hd', text: 'x'.repeat(1000) })).toMatchObject({ credits: 20 });
		expect(chargeForSpeech({ model: 'speech-2.8-hd', text: 'x'.repeat(1001) })).toMatchObject({ credits: 21 });
		expect(chargeForSpeech({ model: 'speech-2.8-turbo', text: 'x'.repeat(1000) })).toMatchObject({ credits: 10 });
		expect(chargeForSpeech({ model: 'eleven-turbo-v2.5', text: 'x'.repeat(40_000) })).toMatchObject({ credits: 400 });
		expect(chargeForSpeech({ model: 'eleven-v3', text: '' })).toMatchObject({ credits: 1 });
		expect(chargeForSpeech({ model: 'tts-1', text: 'hi' })).toMatchObject({ credits: null });
	});

	it('counts a music track at its model price', () => {
		expect([chargeForMusic({ model: 'music-2.6' }), chargeForMusic({ model: 'music-v1' }), chargeForMusic({ model: 'lyria-3-pro-preview' })].map((charge) => charge.credits)).toEqual([40, 150, 20]);
		expect(chargeForMusic({ model: 'suno' })).toMatchObject({ credits: null, unpriced: 'model "suno"' });
	});
});
