import { accountForListing } from '../admission';
import type { Handler, Router } from '../http/router';
import { ApiError, json, noContent } from '../http/reply';
import { isFinal, type Job } from '../state/jobs';
import { readPaging } from './paging';
import { validateCreate } from '../validation/create';
import { videoRecord } from '../videoRecord';
import type { World } from '../world';

const API = '/v2/pixverse';
const VIDEO_ID = /^user:\d+-pixverse:.+-video:\d+$/;

/** Looks a video up by the id exactly as it appeared in the path. */
export function findVideo(world: World, id: string, field = 'video_id'): Job {
	if (!VIDEO_ID.test(id)) throw new ApiError(400, `Invalid ${field} ${id}: expected user:<id>-pixverse:<email>-video:<number>`);
	const job = world.jobs.get(id);
	if (!job) throw new ApiError(404, `Video ${id} not found`);
	return job;
}

export function registerVideoRoutes(router: Router, world: World): void {
	const create: Handler = async (ctx) => {
		const job = world.submit(validateCreate(await ctx.form(), world.uploads));
		if (job.kind === 'image') return json(200, { image_id: job.id, cost_credits: job.cost });
		return json(200, { video_id: job.id, cost_credits: job.cost });
	};
	router.add('POST', `${API}/videos/create`, create);
	// The pre-2026 path, still answered by the live service.
	router.add('POST', `${API}/videos/create-v4`, create);

	router.add('GET', `${API}/videos`, (ctx) => {
		const account = accountForListing(world.accounts, ctx.query.get('email'));
		const { limit, offset } = readPaging(ctx, 40);
		const videos = world.jobs.forAccount(account.email).filter((job) => (job.kind ?? 'video') === 'video');
		const page = videos.slice(offset, offset + limit);
		return json(200, { data: page.map((job) => videoRecord(job, world.baseUrl)) });
	});
}

/** GET and DELETE /videos/{video_id}; registered after the fixed /videos/... paths. */
export function registerVideoIdRoutes(router: Router, world: World): void {
	router.add('GET', `${API}/videos/:video_id`, (ctx) => {
		const job = findVideo(world, ctx.params.video_id);
		if (!isFinal(job.status) && world.options.pendingGet === '404') {
			throw new ApiError(404, `Video ${job.id} is still processing, try again later`);
		}
		return json(200, videoRecord(job, world.baseUrl));
	});

	router.add('DELETE', `${API}/videos/:video_id`, (ctx) => {
		const job = findVideo(world, ctx.params.video_id);
		world.jobs.remove(job.id);
		return noContent();
	});
}
