import { isFinal, type Job } from './state/jobs';
import { firstFrameUrl, outputSize } from './videoRecord';

/** useapi's image status map: 1 COMPLETED, 5 QUEUED, 7 MODERATED, 9 GENERATING, 10 PROCESSING (8 FAILED from the speech map). */
const IMAGE_STATUS: Record<number, { status: number; name: string }> = {
	1: { status: 1, name: 'COMPLETED' },
	5: { status: 5, name: 'QUEUED' },
	7: { status: 7, name: 'MODERATED' },
	8: { status: 8, name: 'FAILED' },
	10: { status: 9, name: 'GENERATING' },
};

export const imageStatusName = (job: Job): string => IMAGE_STATUS[job.status].name;

/** Pixel size of an image; `auto` is rendered square (INFERRED). */
export const imageSize = (job: Job): { width: number; height: number } =>
	outputSize(job.quality, job.aspectRatio === 'auto' ? '1:1' : job.aspectRatio);

/** The JSON GET /images/{image_id} answers, also the webhook body for an image job (section 6). */
export function imageRecord(job: Job, baseUrl: string): Record<string, unknown> {
	const { status, name } = IMAGE_STATUS[job.status];
	const completed = job.status === 1;
	const size = completed ? imageSize(job) : { width: 0, height: 0 };
	const record: Record<string, unknown> = {
		image_id: job.id,
		image_status: status,
		account_id: job.accountId,
		create_mode: 't2i',
		...job.details,
		model: job.model,
		prompt: job.prompt,
		quality: job.quality,
		aspect_ratio: job.aspectRatio,
		seed: job.seed,
		image_path: completed ? `image/${job.number}.png` : '',
		image_url: completed ? firstFrameUrl(baseUrl, job) : '',
		output_width: size.width,
		output_height: size.height,
		customer_img_paths: Object.values(job.inputs),
		customer_img_urls: null,
		template_id: job.templateId ?? 0,
		queue_data: { queue_count: job.status === 5 ? 1 : 0, queue_time: 0 },
		created_at: job.createdAt.toISOString(),
		updated_at: (job.finishedAt ?? job.createdAt).toISOString(),
		image_status_name: name,
		image_status_final: isFinal(job.status),
	};
	if (completed) record.cost_credits = job.cost;
	if (job.status === 8) {
		record.fail_code = 500;
		record.fail_reason = 'Generation failed';
	}
	if (job.replyRef !== undefined) record.replyRef = job.replyRef;
	return record;
}
