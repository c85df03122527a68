import { accountForListing } from '../admission';
import type { Router } from '../http/router';
import { ApiError, json } from '../http/reply';
import { imageRecord } from '../imageRecord';
import type { Job } from '../state/jobs';
import { validateImageCreate } from '../validation/image';
import type { World } from '../world';
import { readPaging } from './paging';

const API = '/v2/pixverse';
const IMAGE_ID = /^user:\d+-pixverse:.+-image:\d+$/;

function findImage(world: World, id: string): Job {
	if (!IMAGE_ID.test(id)) throw new ApiError(400, `Invalid image_id ${id}: expected user:<id>-pixverse:<email>-image:<number>`);
	const job = world.jobs.get(id);
	if (!job || job.kind !== 'image') throw new ApiError(404, 'The original image has been deleted');
	return job;
}

/**
 * POST /images/create, GET /images, GET and DELETE /images/{image_id}. Images answer 200 with their
 * current status while they render (unlike videos).
 */
export function registerImageRoutes(router: Router, world: World): void {
	router.add('POST', `${API}/images/create`, async (ctx) => {
		const jobs = world.submitAll(validateImageCreate(await ctx.form(), world.uploads));
		return json(200, { success_ids: jobs.map((job) => job.id), cost_credits: jobs.reduce((sum, job) => sum + job.cost, 0) });
	});

	router.add('GET', `${API}/images`, (ctx) => {
		const account = accountForListing(world.accounts, ctx.query.get('email'));
		const { limit, offset } = readPaging(ctx, 50);
		const images = world.jobs.forAccount(account.email).filter((job) => job.kind === 'image');
		const data = images.slice(offset, offset + limit).map((job) => imageRecord(job, world.baseUrl));
		// useapi's page shows `total`, its MCP tool `has_more`: both are given.
		return json(200, { data, next_offset: offset + limit, total: images.length, has_more: offset + limit < images.length });
	});

	router.add('GET', `${API}/images/:image_id`, (ctx) => json(200, imageRecord(findImage(world, ctx.params.image_id), world.baseUrl)));

	// useapi's sample parses a JSON answer; its body is not documented.
	router.add('DELETE', `${API}/images/:image_id`, (ctx) => {
		const { id } = findImage(world, ctx.params.image_id);
		world.jobs.remove(id);
		return json(200, { image_id: id, deleted: true });
	});
}
