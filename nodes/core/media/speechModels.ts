/**
 * The speech models of POST /speech/create and the voice settings each takes (docs/media-api.md
 * "Speech"; useapi.net's speech pages of June 2026 and its Postman collection). Prices are in pricing.ts.
 */

export type SpeechProvider = 'MiniMax' | 'ElevenLabs';

/** A voice setting: its form parameter, request field, label and values. */
export interface SpeechSetting {
	parameter: string;
	field: string;
	label: string;
	/** Numbers: the range per provider; `whole` for integers. */
	range?: Partial<Record<SpeechProvider, [number, number]>>;
	whole?: boolean;
	/** Text settings: the values allowed. */
	values?: string[];
	type: 'number' | 'boolean' | 'options' | 'string';
	description: string;
}

export const SPEECH_SETTINGS: SpeechSetting[] = [
	{
		parameter: 'languageCode',
		field: 'language_code',
		label: 'Language Code',
		type: 'string',
		description: 'ISO code of the language to speak, e.g. en or de; the model detects it when unset',
	},
	{
		parameter: 'speed',
		field: 'speed',
		label: 'Speed',
		type: 'number',
		range: { MiniMax: [0.5, 2], ElevenLabs: [0.7, 1.2] },
		description: 'How fast the voice speaks (1 = normal)',
	},
	{
		parameter: 'volume',
		field: 'volume',
		label: 'Volume',
		type: 'number',
		range: { MiniMax: [0, 10] },
		description: 'Loudness',
	},
	{
		parameter: 'pitch',
		field: 'pitch',
		label: 'Pitch',
		type: 'number',
		range: { MiniMax: [-12, 12] },
		whole: true,
		description: 'Semitones up or down',
	},
	{
		parameter: 'emotion',
		field: 'emotion',
		label: 'Emotion',
		type: 'options',
		values: ['auto', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised', 'neutral', 'calm'],
		description: 'The emotion the voice carries',
	},
	{
		parameter: 'stability',
		field: 'stability',
		label: 'Stability',
		type: 'number',
		range: { ElevenLabs: [0, 1] },
		description: 'Higher is steadier, lower more expressive',
	},
	{
		parameter: 'similarityBoost',
		field: 'similarity_boost',
		label: 'Similarity Boost',
		type: 'number',
		range: { ElevenLabs: [0, 1] },
		description: 'How closely to keep to the original voice',
	},
	{
		parameter: 'style',
		field: 'style',
		label: 'Style',
		type: 'number',
		range: { ElevenLabs: [0, 1] },
		description: "How much of the voice's style to exaggerate",
	},
	{
		parameter: 'useSpeakerBoost',
		field: 'use_speaker_boost',
		label: 'Use Speaker Boost',
		type: 'boolean',
		description: 'Whether to boost the likeness to the speaker',
	},
];

export interface SpeechModel {
	id: string;
	label: string;
	provider: SpeechProvider;
	maxCharacters: number;
	/** The request fields of the voice settings it takes. */
	settings: string[];
}

const MINIMAX = ['language_code', 'speed', 'volume', 'pitch', 'emotion'];

export const DEFAULT_SPEECH_MODEL = 'speech-2.8-hd';

export const SPEECH_MODELS: SpeechModel[] = [
	{
		id: 'speech-2.8-hd',
		label: 'MiniMax Speech 2.8 HD',
		provider: 'MiniMax',
		maxCharacters: 10_000,
		settings: MINIMAX,
	},
	{
		id: 'speech-2.8-turbo',
		label: 'MiniMax Speech 2.8 Turbo',
		provider: 'MiniMax',
		maxCharacters: 10_000,
		settings: MINIMAX,
	},
	{
		id: 'eleven-multilingual-v2',
		label: 'ElevenLabs Multilingual v2',
		provider: 'ElevenLabs',
		maxCharacters: 10_000,
		settings: ['language_code', 'speed', 'stability', 'similarity_boost', 'style', 'use_speaker_boost'],
	},
	// eleven-v3 detects the language itself and refuses language_code; it reads inline tags such as [whispers].
	{
		id: 'eleven-v3',
		label: 'ElevenLabs v3',
		provider: 'ElevenLabs',
		maxCharacters: 5_000,
		settings: ['speed', 'stability', 'similarity_boost'],
	},
	{
		id: 'eleven-turbo-v2.5',
		label: 'ElevenLabs Turbo v2.5',
		provider: 'ElevenLabs',
		maxCharacters: 40_000,
		settings: ['language_code', 'speed', 'stability', 'similarity_boost'],
	},
];

export const findSpeechModel = (id: unknown): SpeechModel | undefined => SPEECH_MODELS.find((model) => model.id === id);

/** The models that take a voice setting. */
export const speechModelsTaking = (field: string): string[] => SPEECH_MODELS.filter((model) => model.settings.includes(field)).map((model) => model.id);
