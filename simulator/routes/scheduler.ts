import type { Router } from '../http/router';
import { ApiError, json, noContent } from '../http/reply';
import type { Job } from '../state/jobs';
import type { World } from '../world';

const API = '/v2/pixverse';

/** The jobs useapi is tracking, as GET /scheduler lists them. */
function scheduled(job: Job): Record<string, unknown> {
	const elapsedSeconds = Math.floor((Date.now() - job.createdAt.getTime()) / 1000);
	const minutes = String(Math.floor(elapsedSeconds / 60)).padStart(2, '0');
	const seconds = String(elapsedSeconds % 60).padStart(2, '0');
	return {
		id: job.id,
		type: job.kind ?? 'video',
		started: job.createdAt.toISOString(),
		elapsed: `${minutes}:${seconds}`,
		replyUrl: job.replyUrl,
		replyRef: job.replyRef,
	};
}

export function registerSchedulerRoutes(router: Router, world: World): void {
	router.add('GET', `${API}/scheduler`, () => json(200, world.jobs.executing().map(scheduled)));

	router.add('GET', `${API}/scheduler/available`, () =>
		json(200, {
			executing: world.jobs.executing().map(scheduled),
			available: world.accounts.list().map((account) => {
				const executing = world.jobs.executing(account.email).length;
				return { email: account.email, maxJobs: account.maxJobs, executing, available: Math.max(0, account.maxJobs - executing) };
			}),
		}),
	);

	router.add('DELETE', `${API}/scheduler/:id`, (ctx) => {
		if (!world.jobs.untrack(ctx.params.id)) throw new ApiError(404, `Unable to locate running ${ctx.params.id}`);
		return noContent();
	});
}
