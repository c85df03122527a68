import type { IDataObject } from 'n8n-workflow';

import type { SettingProblem } from '../models/validate';
import { DETAIL_LEVELS, findImageModel, IMAGE_MODELS, MAX_IMAGE_COUNT } from './imageModels';
import { findMusicModel, MAX_LYRICS_CHARACTERS, MUSIC_MODELS } from './musicModels';
import { findSpeechModel, SPEECH_MODELS, SPEECH_SETTINGS, speechModelsTaking } from './speechModels';

/**
 * The rules useapi.net documents for images, speech and music, checked before anything is sent.
 * Settings use the request's field names (`aspect_ratio`, `voice_id`, …) plus `referenceImages`,
 * the number of reference images; each problem names the form field, the value and what is
 * allowed for the chosen model.
 */

/** What a media check reads: the request body's fields, and how many reference images come with it. */
export type MediaSettings = IDataObject & { referenceImages?: number };

const found = (problems: Array<SettingProblem | undefined>): SettingProblem[] => problems.filter((problem): problem is SettingProblem => Boolean(problem));
const listOf = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(', ');
const characters = (text: string) => `${text.length} characters`;

function unknownModel(kind: string, model: unknown, ids: string[]): SettingProblem {
	return {
		field: 'model',
		value: model,
		message: `Model ${JSON.stringify(model)} is not ${kind} model; allowed: ${listOf(ids)}`,
	};
}

function requiredText(field: string, label: string, value: unknown, what: string): SettingProblem | undefined {
	return typeof value === 'string' && value.trim() ? undefined : { field, value: value ?? '', message: `${label} is empty; give ${what}` };
}

/** More reference images than the model takes; `takers`: the models that take any, named when this one takes none. */
/** A required text within the model's limit: empty, or longer than `most` characters, is a problem. */
function limitedText(field: string, label: string, value: unknown, what: string, limit?: { model: string; most: number }): SettingProblem | undefined {
	if (!limit || typeof value !== 'string' || value.length <= limit.most) return requiredText(field, label, value, what);
	return { field, value: characters(value), message: `${label} is ${characters(value)} long; model "${limit.model}" takes at most ${limit.most.toLocaleString('en-US')}` };
}

function tooManyImages(count: number | undefined, model: string, most: number, takers: string[] = []): SettingProblem | undefined {
	if (!count || count <= most) return undefined;
	const allowed = most === 0 ? `none; they work only with ${listOf(takers)}` : `at most ${most}`;
	return {
		field: 'referenceImages',
		value: `${count} images`,
		message: `Reference Images: ${count} given, model "${model}" takes ${allowed}`,
	};
}

export function checkImageSettings(settings: MediaSettings): SettingProblem[] {
	const problems: Array<SettingProblem | undefined> = [requiredText('prompt', 'Prompt', settings.prompt, 'a description of the image')];
	const model = findImageModel(settings.model);
	if (!model)
		return found([
			...problems,
			unknownModel(
				'an image',
				settings.model,
				IMAGE_MODELS.map((row) => row.id),
			),
		]);
	const { quality, aspect_ratio: aspectRatio, detail_level: detailLevel } = settings;
	if (quality !== undefined && !model.qualities.includes(String(quality))) {
		problems.push({
			field: 'quality',
			value: quality,
			message: `Quality ${JSON.stringify(quality)} is not available on model "${model.id}"; allowed: ${listOf(model.qualities)}`,
		});
	}
	if (aspectRatio !== undefined && !model.aspectRatios.includes(String(aspectRatio))) {
		problems.push({
			field: 'aspectRatio',
			value: aspectRatio,
			message: `Aspect Ratio ${JSON.stringify(aspectRatio)} is not available on model "${model.id}"; allowed: ${listOf(model.aspectRatios)}`,
		});
	}
	const count = settings.create_count;
	if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1 && (count as number) <= MAX_IMAGE_COUNT)) {
		problems.push({ field: 'imageCount', value: count, message: `Image Count ${JSON.stringify(count)} is not allowed; allowed: a whole number from 1 to ${MAX_IMAGE_COUNT}` });
	}
	const levels = Object.keys(DETAIL_LEVELS);
	const detailModels = IMAGE_MODELS.filter((row) => row.detailLevel).map((row) => row.id);
	if (model.detailLevel && detailLevel === undefined) {
		problems.push({
			field: 'detailLevel',
			value: '',
			message: `Detail Level is required on model "${model.id}"; allowed: ${listOf(levels)}`,
		});
	} else if (model.detailLevel && !levels.includes(String(detailLevel))) {
		problems.push({
			field: 'detailLevel',
			value: detailLevel,
			message: `Detail Level ${JSON.stringify(detailLevel)} is not one of the levels; allowed: ${listOf(levels)}`,
		});
	} else if (!model.detailLevel && detailLevel !== undefined) {
		problems.push({
			field: 'detailLevel',
			value: detailLevel,
			message: `Detail Level is not available on model "${model.id}"; it works only with ${listOf(detailModels)}`,
		});
	}
	problems.push(tooManyImages(settings.referenceImages, model.id, model.maxReferenceImages));
	return found(problems);
}

function speechSettingProblem(model: (typeof SPEECH_MODELS)[number], setting: (typeof SPEECH_SETTINGS)[number], value: unknown): SettingProblem | undefined {
	const { parameter: field, label } = setting;
	if (!model.settings.includes(setting.field)) {
		return {
			field,
			value,
			message: `${label} is not available on model "${model.id}"; it works only with ${listOf(speechModelsTaking(setting.field))}`,
		};
	}
	if (setting.type === 'number') {
		const [min, max] = setting.range![model.provider]!;
		const number = typeof value === 'number' ? value : Number.NaN;
		if (!(number >= min && number <= max) || (setting.whole && !Number.isInteger(number))) {
			return {
				field,
				value,
				message: `${label} ${JSON.stringify(value)} is out of range for model "${model.id}"; allowed: ${setting.whole ? 'a whole number' : 'a number'} from ${min} to ${max}`,
			};
		}
	}
	if (setting.values && !setting.values.includes(String(value))) {
		return {
			field,
			value,
			message: `${label} ${JSON.stringify(value)} is not one of the choices; allowed: ${listOf(setting.values)}`,
		};
	}
	if (setting.type === 'boolean' && typeof value !== 'boolean')
		return {
			field,
			value,
			message: `${label} ${JSON.stringify(value)} is not true or false`,
		};
	return undefined;
}

export function checkSpeechSettings(settings: MediaSettings): SettingProblem[] {
	const problems: Array<SettingProblem | undefined> = [requiredText('voiceId', 'Voice ID', settings.voice_id, 'the ID of a voice of the model (useapi.net GET /speech/voices)')];
	const model = findSpeechModel(settings.model);
	problems.push(limitedText('text', 'Text', settings.text, 'the words to speak', model && { model: model.id, most: model.maxCharacters }));
	if (!model)
		return found([
			...problems,
			unknownModel(
				'a speech',
				settings.model,
				SPEECH_MODELS.map((row) => row.id),
			),
		]);
	for (const setting of SPEECH_SETTINGS) {
		if (settings[setting.field] !== undefined) problems.push(speechSettingProblem(model, setting, settings[setting.field]));
	}
	return found(problems);
}

export function checkMusicSettings(settings: MediaSettings): SettingProblem[] {
	const problems: Array<SettingProblem | undefined> = [];
	const model = findMusicModel(settings.model);
	const { prompt, lyrics, instrumental } = settings;
	problems.push(limitedText('prompt', 'Prompt', prompt, 'a description of the music', model && { model: model.id, most: model.maxPromptCharacters }));
	if (!model)
		return found([
			...problems,
			unknownModel(
				'a music',
				settings.model,
				MUSIC_MODELS.map((row) => row.id),
			),
		]);
	if (lyrics !== undefined) {
		const lyricModels = MUSIC_MODELS.filter((row) => row.lyrics).map((row) => row.id);
		if (!model.lyrics) {
			problems.push({
				field: 'lyrics',
				value: characters(String(lyrics)),
				message: `Lyrics are not available on model "${model.id}" (it writes its own); they work only with ${listOf(lyricModels)}`,
			});
		} else if (instrumental === true) {
			problems.push({
				field: 'lyrics',
				value: characters(String(lyrics)),
				message: 'Lyrics cannot go with Instrumental (an instrumental has no vocals); allowed: Lyrics, or Instrumental, or neither (the model writes the lyrics)',
			});
		} else if (String(lyrics).length > MAX_LYRICS_CHARACTERS) {
			problems.push({
				field: 'lyrics',
				value: characters(String(lyrics)),
				message: `Lyrics are ${characters(String(lyrics))} long; allowed: at most ${MAX_LYRICS_CHARACTERS.toLocaleString('en-US')}`,
			});
		}
	}
	problems.push(
		tooManyImages(
			settings.referenceImages,
			model.id,
			model.maxReferenceImages,
			MUSIC_MODELS.filter((row) => row.maxReferenceImages).map((row) => row.id),
		),
	);
	return found(problems);
}
