import type { Router } from '../http/router';
import { json } from '../http/reply';
import type { GenerationRequest } from '../validation/common';
import { validateExtend } from '../validation/extend';
import { validateLipsync } from '../validation/lipsync';
import { validateModify } from '../validation/modify';
import { validateMotionControl } from '../validation/motionControl';
import { validateRestyle } from '../validation/restyle';
import type { DerivedSources } from '../validation/sourceVideo';
import { validateUpscale } from '../validation/upscale';
import type { World } from '../world';
import { findVideo } from './videos';

const API = '/v2/pixverse';

/**
 * Endpoints that make a new video from an earlier one or from uploads: each answers 200 with a
 * new video_id; the new record names its source in original_video_id.
 */
export function registerDerivedVideoRoutes(router: Router, world: World): void {
	const sources: DerivedSources = { uploads: world.uploads, findVideo: (id) => findVideo(world, id) };
	const endpoints: Array<[string, (body: Record<string, unknown>) => GenerationRequest]> = [
		['extend', (body) => validateExtend(body, sources)],
		['upscale', (body) => validateUpscale(body, sources)],
		['lipsync', (body) => validateLipsync(body, sources)],
		['modify', (body) => validateModify(body, sources)],
		['restyle', (body) => validateRestyle(body, sources)],
		['motion-control', (body) => validateMotionControl(body, world.uploads)],
	];
	for (const [endpoint, validate] of endpoints) {
		router.add('POST', `${API}/videos/${endpoint}`, async (ctx) => {
			const job = world.submit(validate(await ctx.form()));
			return json(200, { video_id: job.id, cost_credits: job.cost });
		});
	}
}
