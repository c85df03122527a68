import type { INodeProperties } from 'n8n-workflow';

import { IMAGE_MODELS } from '../../../nodes/core/media/imageModels';
import { imageModelFields, musicModelFields, speechModelFields } from '../../../nodes/core/media/mediaFormFields';
import { SPEECH_MODELS, SPEECH_SETTINGS } from '../../../nodes/core/media/speechModels';

/** For a field name, the models it shows for, and the options offered there. */
function shownFor(fields: INodeProperties[], name: string): Map<string, unknown[]> {
	const shown = new Map<string, unknown[]>();
	for (const field of fields.filter((candidate) => candidate.name === name)) {
		const models = (field.displayOptions?.show?.model ?? field.displayOptions?.show?.['/model'] ?? []) as string[];
		for (const model of models) shown.set(model, (field.options ?? []).map((option) => (option as { value: unknown }).value));
	}
	return shown;
}

describe('image, speech and music form fields follow the model', () => {
	it('offers each image model its own qualities and aspect ratios, exactly once', () => {
		const qualities = shownFor(imageModelFields, 'quality');
		const ratios = shownFor(imageModelFields, 'aspectRatio');
		for (const model of IMAGE_MODELS) {
			expect([model.id, qualities.get(model.id)]).toEqual([model.id, model.qualities]);
			expect([model.id, ratios.get(model.id)]).toEqual([model.id, model.aspectRatios]);
		}
		expect(qualities.get('seedream-4.5')).toEqual(['1440p', '2160p']);
		expect(ratios.get('gpt-image-2.0')).toContain('2:1');
		expect(ratios.get('qwen-image')).not.toContain('auto');
	});

	it('shows Detail Level for gpt-image-2.0 only', () => {
		expect([...shownFor(imageModelFields, 'detailLevel').keys()]).toEqual(['gpt-image-2.0']);
	});

	it('offers each voice setting only for the speech models that take it', () => {
		const [, collection] = speechModelFields;
		for (const setting of SPEECH_SETTINGS) {
			const option = (collection.options as INodeProperties[]).find((candidate) => candidate.name === setting.parameter)!;
			const takers = SPEECH_MODELS.filter((model) => model.settings.includes(setting.field)).map((model) => model.id);
			expect([setting.parameter, option.displayOptions?.show?.['/model']]).toEqual([setting.parameter, takers]);
		}
		const volume = (collection.options as INodeProperties[]).find((candidate) => candidate.name === 'volume')!;
		expect(volume.displayOptions?.show?.['/model']).toEqual(['speech-2.8-hd', 'speech-2.8-turbo']);
		const language = (collection.options as INodeProperties[]).find((candidate) => candidate.name === 'languageCode')!;
		expect(language.displayOptions?.show?.['/model']).not.toContain('eleven-v3');
	});

	it('shows Lyrics only without Instrumental and never for lyria', () => {
		const lyrics = musicModelFields.find((field) => field.name === 'lyrics')!;
		expect(lyrics.displayOptions?.show).toEqual({ instrumental: [false], model: ['music-2.6', 'music-v1'] });
	});
});
