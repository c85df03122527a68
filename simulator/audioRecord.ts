import { isFinal, type Job } from './state/jobs';

/**
 * useapi's audio status map (speech and music): 1 COMPLETED, 5 QUEUED, 8 FAILED, 10 GENERATING.
 * It has no MODERATED: a moderated speech or track ends FAILED with a moderation reason (INFERRED).
 */
const AUDIO_STATUS: Record<number, { status: number; name: string }> = {
	1: { status: 1, name: 'COMPLETED' },
	5: { status: 5, name: 'QUEUED' },
	7: { status: 8, name: 'FAILED' },
	8: { status: 8, name: 'FAILED' },
	10: { status: 10, name: 'GENERATING' },
};

export const audioStatusName = (job: Job): string => AUDIO_STATUS[job.status].name;

export const audioUrl = (baseUrl: string, job: Job): string => `${baseUrl}/media/${job.number}.wav`;

/** The JSON GET /speech/{audio_id} and GET /music/{audio_id} answer, also the webhook body of those jobs. */
export function audioRecord(job: Job, baseUrl: string): Record<string, unknown> {
	const { status, name } = AUDIO_STATUS[job.status];
	const completed = job.status === 1;
	const label = job.kind === 'music' ? 'Music' : 'Speech';
	const record: Record<string, unknown> = {
		audio_id: job.id,
		asset_id: job.number,
		audio_status: status,
		status: completed ? 'finish' : isFinal(job.status) ? 'fail' : 'generating',
		...job.details,
		model: job.model,
		prompt: job.prompt,
		customer_img_paths: Object.values(job.inputs),
		url: completed ? audioUrl(baseUrl, job) : '',
		name: completed ? `PixVerse_${label}_${job.number}.wav` : '',
		duration: completed ? job.videoDuration : 0,
		credits: job.cost,
		created_at: job.createdAt.toISOString(),
		updated_at: (job.finishedAt ?? job.createdAt).toISOString(),
		audio_status_name: name,
		audio_status_final: isFinal(job.status),
	};
	if (job.status === 7 || job.status === 8) {
		record.fail_code = job.kind === 'music' ? 'music_generation_failed' : job.status === 7 ? 422 : 500;
		record.fail_reason = job.status === 7 ? 'Content moderated' : 'Generation failed';
	}
	if (job.replyRef !== undefined) record.replyRef = job.replyRef;
	return record;
}
