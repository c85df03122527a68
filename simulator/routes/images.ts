import type { Router } from '../http/router';
import { ApiError, json } from '../http/reply';
import { imageRecord } from '../imageRecord';
import type { World } from '../world';

const API = '/v2/pixverse';
const IMAGE_ID = /^user:\d+-pixverse:.+-image:\d+$/;

/** GET /images/{image_id}: images answer 200 with their current status while they render (unlike videos). */
export function registerImageRoutes(router: Router, world: World): void {
	router.add('GET', `${API}/images/:image_id`, (ctx) => {
		const id = ctx.params.image_id;
		if (!IMAGE_ID.test(id)) throw new ApiError(400, `Invalid image_id ${id}: expected user:<id>-pixverse:<email>-image:<number>`);
		const job = world.jobs.get(id);
		if (!job || job.kind !== 'image') throw new ApiError(404, 'The original image has been deleted');
		return json(200, imageRecord(job, world.baseUrl));
	});
}
