import { generationCost } from '../credits';
import type { ModelRule } from '../models';
import { STATUS_NAMES, type Job } from '../state/jobs';
import type { Uploads } from '../state/uploads';
import { readEnvelope, readUpload, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';

/** What the derived endpoints (extend, upscale, lipsync, modify, restyle) need besides the body. */
export interface DerivedSources {
	uploads: Uploads;
	/** The video behind a video_id exactly as sent: 400 when malformed, 404 when unknown. */
	findVideo(id: string): Job;
}

/** The video a derived job starts from: an earlier PixVerse video, or an uploaded file. */
export interface SourceVideo {
	/** Set for a video_id source. */
	job?: Job;
	/** Uploaded paths by field name (video_path), for the new job's customer_paths. */
	inputs: Record<string, string>;
	/** The source's account, which a video_id source runs on unless the body names one. */
	email?: string;
	quality?: string;
	aspectRatio: string;
	seconds: number;
}

/** What the simulator assumes about an uploaded video it cannot inspect. */
const UPLOADED_VIDEO = { aspectRatio: '16:9', seconds: 5 };

/**
 * Reads `video_id` or `video_path` (one of them, not both). A video_id source must be a finished,
 * completed video: PixVerse builds on the result, so there is nothing to build on before that.
 */
export function readSourceVideo(fields: Fields, sources: DerivedSources, endpoint: string, pathAllowed = true): SourceVideo {
	const sent = fields.present(['video_id', 'video_path']);
	if (!pathAllowed && fields.has('video_path')) {
		throw invalid(`video_path is not accepted by /videos/${endpoint}: pass the video_id of a PixVerse video`);
	}
	if (sent.length === 2) throw invalid('video_id and video_path cannot be sent together: pass one of them');
	if (sent.length === 0) {
		throw invalid(pathAllowed ? 'video_id or video_path is required' : 'video_id is required');
	}
	if (sent[0] === 'video_path') {
		const path = readUpload(fields, sources.uploads, 'video_path', 'video') as string;
		return { inputs: { video_path: path }, ...UPLOADED_VIDEO };
	}
	const job = sources.findVideo(fields.string('video_id') as string);
	if (job.status !== 1) {
		throw invalid(`video_id ${job.id} is ${STATUS_NAMES[job.status]}: only a COMPLETED video can be used by /videos/${endpoint}`);
	}
	return { job, inputs: {}, email: job.email, quality: job.quality, aspectRatio: job.aspectRatio, seconds: job.videoDuration };
}

/** Fields an endpoint does not take although other endpoints do (e.g. seed on upscale). */
export function refuseFields(fields: Fields, names: string[], endpoint: string): void {
	const sent = fields.present(names);
	if (sent.length) throw invalid(`${sent.join(', ')} ${sent.length === 1 ? 'is' : 'are'} not accepted by /videos/${endpoint}`);
}

/**
 * A job that redraws its source video as it is (modify, restyle): same length and shape, the
 * source's account unless the body names one.
 */
export function redrawnVideoRequest(
	envelope: ReturnType<typeof readEnvelope>,
	source: SourceVideo,
	job: { endpoint: 'modify' | 'restyle'; model: string; rule: ModelRule; prompt: string; quality: string; flags: { seed: number; offPeak: boolean; preview: boolean } },
): GenerationRequest {
	return {
		...envelope,
		email: envelope.email ?? source.email,
		texts: [job.prompt],
		draft: {
			endpoint: job.endpoint,
			model: job.model,
			prompt: job.prompt,
			quality: job.quality,
			duration: source.seconds,
			videoDuration: source.seconds,
			aspectRatio: source.aspectRatio,
			seed: job.flags.seed,
			offPeak: job.flags.offPeak,
			preview: false,
			cost: generationCost(job.rule, job.quality, source.seconds, job.flags),
			originalVideoId: source.job?.id,
			inputs: source.inputs,
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
