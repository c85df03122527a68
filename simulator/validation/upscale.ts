import { upscaleCost } from '../credits';
import { modelsFor } from '../models';
import { readEnvelope, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { readSourceVideo, refuseFields, type DerivedSources } from './sourceVideo';

/**
 * POST /videos/upscale (section 5.9): a video_id only. The source's model decides, and only
 * PixVerse's own models can be upscaled.
 */
export function validateUpscale(body: Record<string, unknown>, sources: DerivedSources): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	refuseFields(fields, ['model', 'quality', 'duration', 'seed', 'off_peak_mode', 'preview_mode', 'prompt'], 'upscale');
	const source = readSourceVideo(fields, sources, 'upscale', false);
	const job = source.job!;
	const upscalable = modelsFor('upscale');
	if (!upscalable.includes(job.model)) {
		throw invalid(`video_id ${job.id} was made with ${job.model}; only videos of native PixVerse models can be upscaled (${upscalable.join(', ')})`);
	}
	return {
		...envelope,
		email: envelope.email ?? source.email,
		texts: [],
		draft: {
			endpoint: 'upscale',
			model: job.model,
			prompt: job.prompt,
			quality: job.quality,
			duration: job.duration,
			videoDuration: job.videoDuration,
			aspectRatio: job.aspectRatio,
			seed: job.seed,
			offPeak: false,
			preview: false,
			audio: job.audio,
			cost: upscaleCost(job.videoDuration),
			originalVideoId: job.id,
			upscaled: true,
			inputs: {},
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
