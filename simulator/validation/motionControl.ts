import { generationCost } from '../credits';
import { ApiError } from '../http/reply';
import { DEFAULT_MODEL } from '../models';
import type { Uploads } from '../state/uploads';
import { readEnvelope, readModel, readNativeFlags, readUpload, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { refuseFields } from './sourceVideo';

export const MOTION_CONTROL_QUALITIES = ['360p', '540p', '720p'];
const MOTION_CONTROL_DEFAULT_QUALITY = '720p';
/** The simulator cannot measure the motion video; it renders this many seconds. */
const MOTION_SECONDS = 5;

export const NO_SUBJECT_MESSAGE = 'The character image has no clear person or animal subject: use an image that clearly shows one';

/**
 * POST /videos/motion-control (section 5.5): the character of frame_1_path moves like the motion
 * video video_1_path. v5.6 only. An image without a clear subject is refused with 422.
 */
export function validateMotionControl(body: Record<string, unknown>, uploads: Uploads): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const { model, rule } = readModel(fields, 'motion-control', DEFAULT_MODEL['motion-control']);
	refuseFields(fields, ['seed', 'preview_mode', 'multi_shot', 'audio', 'duration', 'aspect_ratio'], 'motion-control');
	const image = readUpload(fields, uploads, 'frame_1_path', 'image');
	if (image === undefined) throw invalid('frame_1_path is required: the uploaded image of the character to animate');
	const video = readUpload(fields, uploads, 'video_1_path', 'video');
	if (video === undefined) throw invalid('video_1_path is required: the uploaded video whose motion the character follows');
	const quality = fields.oneOf('quality', MOTION_CONTROL_QUALITIES, `quality for /videos/motion-control (model ${model})`) ?? MOTION_CONTROL_DEFAULT_QUALITY;
	const flags = readNativeFlags(fields, model, rule);
	if (uploads.get(image)?.noClearSubject) throw new ApiError(422, NO_SUBJECT_MESSAGE);
	return {
		...envelope,
		texts: [],
		draft: {
			endpoint: 'motion-control',
			model,
			prompt: '',
			quality,
			duration: MOTION_SECONDS,
			videoDuration: MOTION_SECONDS,
			aspectRatio: '16:9',
			seed: flags.seed,
			offPeak: flags.offPeak,
			preview: false,
			cost: generationCost(rule, quality, MOTION_SECONDS, flags),
			inputs: { frame_1_path: image, video_1_path: video },
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
