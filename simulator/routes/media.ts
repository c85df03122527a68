import type { Router } from '../http/router';
import { ApiError, type Reply } from '../http/reply';
import { imageSize } from '../imageRecord';
import { mp4Length, mp4Stream } from '../mp4';
import { FIRST_FRAME_PNG, greyPng } from '../png';
import type { Job } from '../state/jobs';
import { sineWav } from '../wav';
import type { World } from '../world';

/** Which file a completed job has: a video its MP4 and first frame, an image its PNG, speech and music a WAV. */
const FILES: Record<string, Array<Job['kind']>> = {
	mp4: ['video', undefined],
	png: ['video', undefined, 'image'],
	wav: ['speech', 'music'],
};

/** Rendered videos, their first frames, images and audio, public like PixVerse's media host (no token). */
export function registerMediaRoutes(router: Router, world: World): void {
	router.add(
		'GET',
		'/media/:file',
		(ctx): Reply => {
			const match = /^(\d+)\.(mp4|png|wav)$/.exec(ctx.params.file);
			const job = match ? world.jobs.byNumber(Number(match[1])) : undefined;
			if (!match || !job || job.status !== 1 || !FILES[match[2]].includes(job.kind)) {
				throw new ApiError(404, `Media ${ctx.params.file} not found`);
			}
			if (match[2] === 'wav') {
				// A different pitch per job: 220-605 Hz.
				return { kind: 'raw', status: 200, contentType: 'audio/wav', body: sineWav(job.videoDuration, 220 + (job.number % 8) * 55) };
			}
			if (match[2] === 'png') {
				if (job.kind !== 'image') return { kind: 'raw', status: 200, contentType: 'image/png', body: FIRST_FRAME_PNG };
				const { width, height } = imageSize(job);
				return { kind: 'raw', status: 200, contentType: 'image/png', body: greyPng(width, height, (job.number * 37) % 256) };
			}
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
