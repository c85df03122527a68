import type { Router } from '../http/router';
import { json } from '../http/reply';
import type { GenerationRequest } from '../validation/common';
import { validateCreateFrames } from '../validation/frames';
import { validateCreateFusion } from '../validation/fusion';
import { validateCreateTransition } from '../validation/transition';
import type { World } from '../world';

const API = '/v2/pixverse';

/** Videos made from several uploaded images: first + last frame, key-frame transitions, fusion of references. */
export function registerMultiImageVideoRoutes(router: Router, world: World): void {
	const endpoints: Array<[string, (body: Record<string, unknown>) => GenerationRequest]> = [
		['create-frames', (body) => validateCreateFrames(body, world.uploads)],
		['create-transition', (body) => validateCreateTransition(body, world.uploads)],
		['create-fusion', (body) => validateCreateFusion(body, world.uploads)],
	];
	for (const [endpoint, validate] of endpoints) {
		router.add('POST', `${API}/videos/${endpoint}`, async (ctx) => {
			const job = world.submit(validate(await ctx.form()));
			return json(200, { video_id: job.id, cost_credits: job.cost });
		});
	}
}
