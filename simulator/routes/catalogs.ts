import { accountForListing } from '../admission';
import { EFFECTS, RESTYLES, SPEECH_VOICES, VOICES } from '../catalogs';
import { DEFAULT_SPEECH_MODEL, SPEECH_MODELS } from '../mediaModels';
import type { Router } from '../http/router';
import { ApiError, json } from '../http/reply';
import { Fields } from '../validation/fields';
import type { World } from '../world';

const API = '/v2/pixverse';

export function registerCatalogRoutes(router: Router, world: World): void {
	router.add('GET', `${API}/videos/effects`, (ctx) => {
		accountForListing(world.accounts, ctx.query.get('email'));
		const query = new Fields(Object.fromEntries(ctx.query));
		const offset = query.integer('offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
		const limit = query.integer('limit', 1, 1000) ?? 100;
		return json(200, { items: EFFECTS.slice(offset, offset + limit) });
	});

	router.add('GET', `${API}/videos/voices`, (ctx) => {
		accountForListing(world.accounts, ctx.query.get('email'));
		return json(200, { items: VOICES });
	});

	// Registered before GET /speech/{audio_id}, which would take "voices" for an id.
	router.add('GET', `${API}/speech/voices`, (ctx) => {
		accountForListing(world.accounts, ctx.query.get('email'));
		const model = ctx.query.get('model') || DEFAULT_SPEECH_MODEL;
		const rule = SPEECH_MODELS[model];
		if (!rule) throw new ApiError(400, `model must be one of: ${Object.keys(SPEECH_MODELS).join(', ')} (got ${model})`);
		const language = ctx.query.get('language') || 'auto';
		const voices = SPEECH_VOICES.filter((voice) => voice.provider === rule.provider && (language === 'auto' || voice.languages.includes(language)));
		return json(200, { voices });
	});

	router.add('GET', `${API}/videos/restyles`, (ctx) => {
		accountForListing(world.accounts, ctx.query.get('email'));
		return json(200, { items: RESTYLES });
	});
}
