import { isFinal, STATUS_NAMES, type Job } from './state/jobs';

const HEIGHTS: Record<string, number> = {
	'360p': 360,
	'480p': 480,
	'512p': 512,
	'540p': 540,
	'720p': 720,
	'1080p': 1080,
	'1440p': 1440,
	'1800p': 1800,
	'2160p': 2160,
};
const UPSCALED_HEIGHT = 2160;

export const mediaUrl = (baseUrl: string, job: Job): string => `${baseUrl}/media/${job.number}.mp4`;
export const firstFrameUrl = (baseUrl: string, job: Job): string => `${baseUrl}/media/${job.number}.png`;

/** Pixel size for a quality and aspect ratio: the quality names the short side. */
export function outputSize(quality: string, aspectRatio: string, upscaled = false): { width: number; height: number } {
	const short = upscaled ? UPSCALED_HEIGHT : (HEIGHTS[quality] ?? 720);
	const [w, h] = aspectRatio.split(':').map(Number);
	const long = Math.round((short * Math.max(w, h)) / Math.min(w, h) / 2) * 2;
	return w >= h ? { width: long, height: short } : { width: short, height: long };
}

/** The JSON GET /videos/{id} answers (section 6), also the body of webhook deliveries. */
export function videoRecord(job: Job, baseUrl: string): Record<string, unknown> {
	const completed = job.status === 1;
	const size = completed ? outputSize(job.quality, job.aspectRatio, job.upscaled) : { width: 0, height: 0 };
	const record: Record<string, unknown> = {
		video_id: job.id,
		video_status: job.status,
		video_status_name: STATUS_NAMES[job.status],
		video_status_final: isFinal(job.status),
		account_id: job.accountId,
		created_at: job.createdAt.toISOString(),
		first_frame: completed ? firstFrameUrl(baseUrl, job) : '',
		output_width: size.width,
		output_height: size.height,
		original_video_id: job.originalVideoId ? numberOf(job.originalVideoId) : 0,
		upscaled: job.upscaled ?? false,
		extended: job.extended ?? false,
		lip_sync: job.lipSync ?? false,
		prompt: job.prompt,
		negative_prompt: '',
		model: job.model,
		model_name: job.model,
		quality: job.quality,
		duration: job.duration,
		video_duration: completed ? job.videoDuration : 0,
		aspect_ratio: job.aspectRatio,
		seed: job.seed,
		motion_mode: 'normal',
		camera_movement: 'default',
		style: '',
		audio: job.audio ?? false,
		multi_shot: job.multiShot ?? false,
		off_peak_mode: job.offPeak,
		preview_mode: job.preview,
		url: completed ? mediaUrl(baseUrl, job) : '',
		last_frame: '',
		img_id: 0,
		img_url: '',
		asset_id: 0,
		asset_name: '',
		asset_img_url: '',
		auto_character_prompt: '',
		likes: 0,
		motion_brush: false,
		remove_watermark: true,
		nick_name: job.email.split('@')[0],
		avatar: '',
		relation_type: 0,
		template_id: job.templateId ?? 0,
		template_name: '',
		template_thumbnail_url: '',
		template_thumbnail_video_url: '',
		template_i18n_json: '',
		workflow_tag: '',
		customer_paths: job.inputs,
		queue_data: isFinal(job.status) ? { queue_time: 0, queue_count: 0 } : queueData(job),
	};
	if (job.status === 8) {
		record.fail_code = 500;
		record.fail_reason = 'Generation failed';
	}
	if (job.replyRef !== undefined) record.replyRef = job.replyRef;
	return record;
}

function queueData(job: Job): { queue_time: number; queue_count: number } {
	const remainingMs = job.createdAt.getTime() + job.renderMs - Date.now();
	return { queue_time: Math.max(0, Math.ceil(remainingMs / 1000)), queue_count: job.status === 5 ? 1 : 0 };
}

function numberOf(videoId: string): number {
	return Number(/-video:(\d+)$/.exec(videoId)?.[1] ?? 0);
}
