import { checkSourceModel } from '../../nodes/core/models/sourceModels';

const field = { name: 'videoId', displayName: 'Video ID' };
const check = (operation: 'extend' | 'upscale' | 'lipsync', model: unknown) => checkSourceModel(operation, field, 'user:1-pixverse:a@b.c-video:7', model);

describe('source video models', () => {
	it('refuses what the model matrix documents as refused, naming field, model and what is allowed', () => {
		expect(check('lipsync', 'v6')).toEqual({
			field: 'videoId',
			value: 'user:1-pixverse:a@b.c-video:7',
			message: 'The video in "Video ID" was made with model "v6" (PixVerse V6); Lip Sync takes only videos of "v5"',
		});
		expect(check('lipsync', 'v5.5')?.message).toContain('Lip Sync takes only videos of "v5"');
		expect(check('upscale', 'seedance-2.0')?.message).toContain('Upscale takes only videos of "v6", "v5.6", "v5.5", "v5", "v5-fast"');
		expect(check('extend', 'v5.6')?.message).toContain('Extend takes only videos of "v6", "v5.5", "v5", "grok-imagine"');
		expect(check('extend', 'v5-fast')).toBeDefined();
	});

	it('accepts documented sources', () => {
		for (const model of ['v6', 'v5.6', 'v5.5', 'v5', 'v5-fast']) expect(check('upscale', model)).toBeUndefined();
		for (const model of ['v6', 'v5.5', 'v5', 'grok-imagine']) expect(check('extend', model)).toBeUndefined();
		expect(check('lipsync', 'v5')).toBeUndefined();
	});

	it('leaves to the API what the docs leave open or the table does not know', () => {
		expect(check('upscale', 'pixverse-c1')).toBeUndefined();
		expect(check('extend', 'pixverse-c1')).toBeUndefined();
		expect(check('lipsync', 'v4')).toBeUndefined();
		expect(check('lipsync', 'some-future-model')).toBeUndefined();
		expect(check('lipsync', undefined)).toBeUndefined();
	});
});
