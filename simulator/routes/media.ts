import type { Router } from '../http/router';
import { ApiError, type Reply } from '../http/reply';
import { mp4Length, mp4Stream } from '../mp4';
import { FIRST_FRAME_PNG } from '../png';
import type { World } from '../world';

/** Rendered videos and their first frames, public like PixVerse's media host (no token). */
export function registerMediaRoutes(router: Router, world: World): void {
	router.add(
		'GET',
		'/media/:file',
		(ctx): Reply => {
			const match = /^(\d+)\.(mp4|png)$/.exec(ctx.params.file);
			const job = match ? world.jobs.byNumber(Number(match[1])) : undefined;
			if (!match || !job || job.status !== 1) throw new ApiError(404, `Media ${ctx.params.file} not found`);
			if (match[2] === 'png') return { kind: 'raw', status: 200, contentType: 'image/png', body: FIRST_FRAME_PNG };
			return {
				kind: 'stream',
				status: 200,
				contentType: 'video/mp4',
				length: mp4Length(job.mp4Bytes),
				open: () => mp4Stream(job.mp4Bytes, job.videoDuration),
			};
		},
		false,
	);
}
