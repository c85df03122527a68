import { findModel, modelsFor } from '../../nodes/core/models';
import { checkVideoSettings } from '../../nodes/core/models/validate';
import { problemsDescription } from '../../nodes/PixVerse/actions/shared/generation';
import { visibleField } from './nodeForm';

const create = (model: string) => ({ resource: 'video', operation: 'create', imageSource: 'none', model });
const modelOption = (operation: string, id: string) =>
	(visibleField({ resource: 'video', operation, model: id }, 'model')?.options as Array<{ value: string; description: string }>).find((option) => option.value === id);

describe('the form says the limits the model summary hides', () => {
	it('the model dropdown names the duration cap at a quality', () => {
		expect(modelOption('create', 'v5.6')?.description).toBe('360p, 540p, 720p, 1080p; 1 to 10 seconds (1080p: at most 8 s)');
		expect(modelOption('create', 'v6')?.description).toBe('360p, 540p, 720p, 1080p; 1 to 15 seconds');
	});

	it('the model dropdown lists durations that skip values instead of a range', () => {
		expect(modelOption('create', 'veo-3.1-fast')?.description).toBe('720p, 1080p; 4, 6, 8 seconds');
		expect(modelOption('create', 'sora-2')?.description).toBe('720p; 4, 8, 12 seconds');
		expect(modelOption('create', 'grok-imagine-1.5')?.description).toMatch(/needs an input image$/);
	});

	it.each(modelsFor('create').map((model) => [model.id]))('%s: Quality and Duration hint every cap of the capability table', (id) => {
		const model = findModel(id)!;
		const caps = Object.entries(model.maxDurationAtQuality);
		const quality = visibleField(create(id), 'quality');
		const duration = visibleField(create(id), 'duration');
		if (!caps.length) {
			expect(quality?.hint).toBeUndefined();
			expect(duration?.hint).toBeUndefined();
		}
		for (const [atQuality, seconds] of caps) {
			expect(quality?.hint).toContain(`${atQuality}: at most ${seconds} s`);
			expect(duration?.hint).toContain(`${atQuality}: at most ${seconds} s`);
		}
	});
});

describe('a refusal before sending', () => {
	it('adds to its headline instead of repeating it', () => {
		const problems = checkVideoSettings('create', { model: 'v5.6', hasImage: false, quality: '1080p', duration: 10, seed: -1 });
		const [headline] = problems.map((problem) => problem.message);
		expect(headline).toBe('Duration 10 s is not available on model "v5.6" at 1080p; allowed: 1 to 8 seconds');
		const description = problemsDescription(problems);
		expect(description).not.toContain(headline);
		expect(description).toBe(
			[
				'Set by parameter "duration", value 10.',
				'Also:',
				`• ${problems[1].message} (parameter "seed", value -1)`,
				'Nothing was sent to PixVerse and no credits were used.',
			].join('\n'),
		);
	});

	it('a single problem gets its parameter and value, and that nothing was charged', () => {
		expect(problemsDescription([{ field: 'quality', value: '4k', message: 'Quality "4k" is not available' }])).toBe(
			'Set by parameter "quality", value "4k".\nNothing was sent to PixVerse and no credits were used.',
		);
	});
});
