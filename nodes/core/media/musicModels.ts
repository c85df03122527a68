/**
 * The music models of POST /music/create (docs/media-api.md "Music"; useapi.net's music page of June
 * 2026 and its Postman collection). Prices are in pricing.ts.
 */

export interface MusicModel {
	id: string;
	label: string;
	maxPromptCharacters: number;
	/** Takes custom lyrics (the others write their own). */
	lyrics: boolean;
	/** Most reference images (image_path_1 … image_path_N); 0: none. */
	maxReferenceImages: number;
}

export const MAX_LYRICS_CHARACTERS = 3500;

export const DEFAULT_MUSIC_MODEL = 'music-2.6';

export const MUSIC_MODELS: MusicModel[] = [
	{
		id: 'music-2.6',
		label: 'MiniMax Music 2.6',
		maxPromptCharacters: 2000,
		lyrics: true,
		maxReferenceImages: 0,
	},
	{
		id: 'music-v1',
		label: 'ElevenLabs Music v1',
		maxPromptCharacters: 4000,
		lyrics: true,
		maxReferenceImages: 0,
	},
	{
		id: 'lyria-3-pro-preview',
		label: 'Google Lyria 3 Pro (Preview)',
		maxPromptCharacters: 5000,
		lyrics: false,
		maxReferenceImages: 10,
	},
];

export const findMusicModel = (id: unknown): MusicModel | undefined => MUSIC_MODELS.find((model) => model.id === id);
