import type { INodeProperties } from 'n8n-workflow';

import { groupBy } from '../models/formFields';
import { DEFAULT_IMAGE_MODEL, DETAIL_LEVELS, IMAGE_MODELS } from './imageModels';
import { DEFAULT_MUSIC_MODEL, MAX_LYRICS_CHARACTERS, MUSIC_MODELS } from './musicModels';
import { DEFAULT_SPEECH_MODEL, SPEECH_MODELS, SPEECH_SETTINGS, speechModelsTaking } from './speechModels';

/**
 * The model-dependent fields of Image, Speech and Music → Create, from the model declarations:
 * each field shows only for the models that take it.
 */

const whenModel = (ids: string[]) => ({ show: { model: ids } });

export const imageModelFields: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		default: DEFAULT_IMAGE_MODEL,
		options: IMAGE_MODELS.map((model) => ({
			name: model.label,
			value: model.id,
			description: `${model.qualities.join(', ')}; up to ${model.maxReferenceImages} reference image${model.maxReferenceImages === 1 ? '' : 's'}`,
		})),
		description: 'The image model. The fields below show only what the chosen model supports.',
	},
	...groupBy(IMAGE_MODELS, (model) => model.qualities).map(({ value: qualities, ids }): INodeProperties => {
		const [firstQuality] = qualities;
		return {
			displayName: 'Quality',
			name: 'quality',
			type: 'options',
			default: firstQuality,
			displayOptions: whenModel(ids),
			options: qualities.map((quality) => ({
				name: quality,
				value: quality,
			})),
			description: 'Output resolution. Higher qualities cost more credits.',
		};
	}),
	...groupBy(IMAGE_MODELS, (model) => ({
		ratios: model.aspectRatios,
		default: model.defaultAspectRatio,
	})).map(({ value, ids }): INodeProperties => {
		const { default: defaultRatio } = value;
		return {
			displayName: 'Aspect Ratio',
			name: 'aspectRatio',
			type: 'options',
			default: defaultRatio,
			displayOptions: whenModel(ids),
			options: value.ratios.map((ratio) => ({
				name: ratio === 'auto' ? 'Auto (From the Reference Images)' : ratio,
				value: ratio,
			})),
			description: 'Shape of the image',
		};
	}),
	{
		displayName: 'Detail Level',
		name: 'detailLevel',
		type: 'options',
		default: 'medium',
		required: true,
		displayOptions: whenModel(IMAGE_MODELS.filter((model) => model.detailLevel).map((model) => model.id)),
		options: Object.entries(DETAIL_LEVELS).map(([level, factor]) => ({
			name: `${level[0].toUpperCase()}${level.slice(1)}`,
			value: level,
			description: `${factor} × the base price`,
		})),
		description: 'How much detail the model renders; it scales the price',
	},
];

/** Speech settings are optional: only those added are sent, and each is offered only for the models that take it. */
export const speechModelFields: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		default: DEFAULT_SPEECH_MODEL,
		options: SPEECH_MODELS.map((model) => ({
			name: model.label,
			value: model.id,
			description: `${model.provider} voices; text up to ${model.maxCharacters.toLocaleString('en-US')} characters`,
		})),
		description: 'The speech model; its provider decides which voices and settings apply',
	},
	{
		displayName: 'Voice Settings',
		name: 'voiceSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: SPEECH_SETTINGS.map((setting): INodeProperties => {
			const ranges = Object.entries(setting.range ?? {})
				.map(([provider, [min, max]]) => `${provider} ${min} to ${max}`)
				.join('; ');
			return {
				displayName: setting.label,
				name: setting.parameter,
				type: setting.type,
				default: setting.type === 'boolean' ? true : setting.type === 'number' ? (setting.whole ? 0 : 1) : setting.values ? setting.values[0] : '',
				displayOptions: {
					show: { '/model': speechModelsTaking(setting.field) },
				},
				...(setting.values
					? {
							options: setting.values.map((value) => ({
								name: `${value[0].toUpperCase()}${value.slice(1)}`,
								value,
							})),
						}
					: {}),
				...(setting.type === 'number' ? { typeOptions: { numberPrecision: setting.whole ? 0 : 2 } } : {}),
				description: `${setting.description}${ranges ? ` (${ranges})` : ''}`,
			};
		}),
	},
];

export const musicModelFields: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		default: DEFAULT_MUSIC_MODEL,
		options: MUSIC_MODELS.map((model) => ({
			name: model.label,
			value: model.id,
			description: `Prompt up to ${model.maxPromptCharacters.toLocaleString('en-US')} characters; ${model.lyrics ? 'your lyrics or its own' : 'writes its own lyrics; takes reference images'}`,
		})),
		description: 'The music model',
	},
	{
		displayName: 'Instrumental',
		name: 'instrumental',
		type: 'boolean',
		default: false,
		description: 'Whether to make music without vocals',
	},
	{
		displayName: 'Lyrics',
		name: 'lyrics',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		displayOptions: {
			show: {
				instrumental: [false],
				model: MUSIC_MODELS.filter((model) => model.lyrics).map((model) => model.id),
			},
		},
		description: `Your own lyrics, up to ${MAX_LYRICS_CHARACTERS.toLocaleString('en-US')} characters; left empty, the model writes them`,
	},
];
