import { audioRecord, audioStatusName } from './audioRecord';
import type { JobSummary } from './callbacks';
import { imageRecord, imageStatusName } from './imageRecord';
import { isFinal, STATUS_NAMES, type Job } from './state/jobs';
import { videoRecord } from './videoRecord';

/** The record GET and webhooks show for a job of any kind. */
export function jobRecord(job: Job, baseUrl: string): Record<string, unknown> {
	if (job.kind === 'image') return imageRecord(job, baseUrl);
	if (job.kind === 'speech' || job.kind === 'music') return audioRecord(job, baseUrl);
	return videoRecord(job, baseUrl);
}

/** Id and state name as the job's own record spells them. */
export function jobSummary(job: Job): JobSummary {
	const statusName =
		job.kind === 'image' ? imageStatusName(job) : job.kind === 'speech' || job.kind === 'music' ? audioStatusName(job) : STATUS_NAMES[job.status];
	return { id: job.id, statusName, final: isFinal(job.status) };
}
