import type { IExecuteFunctions } from 'n8n-workflow';

import { schedulerJobs } from '../scheduler/schedulerJob';
import { pixverseRequest } from '../../transport/request';
import { callsBack } from '../../wait/resumeUrl';

/**
 * Why each of these rendering videos will not call this execution back, if it will not:
 * useapi.net calls the replyUrl a video was submitted with, and GET /scheduler lists it with the
 * jobs it still tracks. A video missing from that list is not tracked (or just finished: the
 * caller reads it again).
 */
export async function videosNotCallingBack(context: IExecuteFunctions, videoIds: string[], resumeUrl: string): Promise<Map<string, string>> {
	const reasons = new Map<string, string>();
	if (!videoIds.length) return reasons;
	const response = await pixverseRequest.call(context, { method: 'GET', path: '/scheduler', kind: 'repeatable', what: 'running jobs' });
	const running = new Map(schedulerJobs(response.body).map((job) => [String(job.id), job]));
	for (const videoId of videoIds) {
		const job = running.get(videoId);
		if (!job) reasons.set(videoId, 'useapi.net does not list it among its running jobs (GET /scheduler), so no callback will come');
		else if (!callsBack(job.replyUrl, resumeUrl)) {
			reasons.set(videoId, job.replyUrl ? 'it was submitted with another Callback URL (replyUrl)' : 'it was submitted without a Callback URL (replyUrl)');
		}
	}
	return reasons;
}
