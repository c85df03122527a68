import { accountForListing } from '../admission';
import { EFFECTS, RESTYLES, VOICES } from '../catalogs';
import type { Router } from '../http/router';
import { json } from '../http/reply';
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

	router.add('GET', `${API}/videos/restyles`, (ctx) => {
		accountForListing(world.accounts, ctx.query.get('email'));
		return json(200, { items: RESTYLES });
	});
}
