/**
 * Deterministic catalogs: effect templates (GET /videos/effects, used by template_id on create),
 * lip-sync voices (GET /videos/voices) and restyle presets (GET /videos/restyles).
 */

export interface EffectTemplate {
	template_id: number;
	display_name: string;
	workflow_tag: string;
	display_prompt: string;
	/** Number of input images; above "2" the template takes 2…N. */
	effect_type: string;
	/** 1 = video, 2 = one-second still (answered with image_id). */
	template_type: number;
	template_model: string;
	template_paid: boolean;
	supported_features: string[];
	duration: number;
	qualities: string[];
	score: number;
	hot_count: number;
	created_at: string;
	updated_at: string;
	thumbnail_path: string;
	thumbnail_video_path: string;
	thumbnail_gif_path: string;
	marker: string;
	i18n_json: string;
	example_list: string[];
	audio_path: string;
	video_base_cost: number;
	fixed_cost: number;
}

const template = (
	id: number,
	name: string,
	effectType: string,
	model: string,
	qualities: string[],
	costs: { base: number; fixed: number },
	extra: Partial<EffectTemplate> = {},
): EffectTemplate => ({
	template_id: id,
	display_name: name,
	workflow_tag: name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
	display_prompt: `${name} effect`,
	effect_type: effectType,
	template_type: 1,
	template_model: model,
	template_paid: false,
	supported_features: ['audio'],
	duration: 5,
	qualities,
	score: 100 - (id % 100),
	hot_count: 1000 + (id % 1000),
	created_at: '2026-03-01T00:00:00Z',
	updated_at: '2026-05-01T00:00:00Z',
	thumbnail_path: `effects/${id}/thumbnail.jpg`,
	thumbnail_video_path: `effects/${id}/thumbnail.mp4`,
	thumbnail_gif_path: `effects/${id}/thumbnail.gif`,
	marker: '',
	i18n_json: '{}',
	example_list: [],
	audio_path: '',
	video_base_cost: costs.base,
	fixed_cost: costs.fixed,
	...extra,
});

export const EFFECTS: EffectTemplate[] = [
	template(315001, 'Earth Zoom Out', '1', 'v5', ['360p', '540p', '720p'], { base: 30, fixed: 0 }, { marker: 'hot' }),
	template(315002, 'Warm Hug', '2', 'v5.5', ['540p', '720p'], { base: 30, fixed: 10 }),
	template(315003, 'Group Dance', '4', 'v6', ['720p', '1080p'], { base: 35, fixed: 15 }, { marker: 'new' }),
	template(315004, 'Venom Transformation', '1', 'v6', ['540p', '720p', '1080p'], { base: 30, fixed: 5 }, { duration: 8 }),
	template(315005, 'Best Friends Trio', '3', 'v5.5', ['360p', '540p', '720p'], { base: 30, fixed: 10 }),
	template(315006, 'Family Reunion', '5', 'v5', ['360p', '540p', '720p', '1080p'], { base: 40, fixed: 20 }, { template_paid: true }),
	// An image effect: a one-second still, answered with image_id.
	template(315007, 'Polaroid Portrait', '1', 'image_v6', ['720p', '1080p'], { base: 10, fixed: 0 }, { template_type: 2, duration: 1, supported_features: [] }),
];

export function findEffect(templateId: number): EffectTemplate | undefined {
	return EFFECTS.find((effect) => effect.template_id === templateId);
}

export const VOICES = [
	{ speaker_id: 'Auto', name: 'Auto (matches the video)', gender: '', language: '' },
	{ speaker_id: '1', name: 'Emily', gender: 'female', language: 'en' },
	{ speaker_id: '2', name: 'James', gender: 'male', language: 'en' },
	{ speaker_id: '3', name: 'Sofia', gender: 'female', language: 'es' },
	{ speaker_id: '4', name: 'Kenji', gender: 'male', language: 'ja' },
];

/** Text-to-speech voices of GET /speech/voices, by provider (the model decides which are offered). */
export const SPEECH_VOICES = [
	{ voice_id: 'minimax_english_radiant_girl', provider_voice_id: 'English_radiant_girl', display_name: 'Radiant Girl', provider: 'minimax', gender: 'female', languages: ['en'] },
	{ voice_id: 'minimax_english_deep_narrator', provider_voice_id: 'English_deep_narrator', display_name: 'Deep Narrator', provider: 'minimax', gender: 'male', languages: ['en'] },
	{ voice_id: 'minimax_german_calm_host', provider_voice_id: 'German_calm_host', display_name: 'Calm Host', provider: 'minimax', gender: 'male', languages: ['de'] },
	{ voice_id: 'eleven_roger', provider_voice_id: 'CwhRBWXzGAHq8TQ4Fs17', display_name: 'Roger', provider: 'elevenlabs', gender: 'male', languages: ['en', 'de', 'es'] },
	{ voice_id: 'eleven_sarah', provider_voice_id: 'EXAVITQu4vr4xnSDxMaL', display_name: 'Sarah', provider: 'elevenlabs', gender: 'female', languages: ['en', 'fr'] },
];

export const RESTYLES = [
	{ restyle_id: 1001, name: 'Anime', prompt: 'anime style', thumbnail_url: '' },
	{ restyle_id: 1002, name: 'Clay', prompt: 'claymation style', thumbnail_url: '' },
	{ restyle_id: 1003, name: 'Cyberpunk', prompt: 'neon cyberpunk style', thumbnail_url: '' },
	{ restyle_id: 1004, name: 'Watercolor', prompt: 'watercolor painting', thumbnail_url: '' },
];
