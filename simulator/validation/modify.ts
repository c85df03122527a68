import { DEFAULT_MODEL } from '../models';
import { readEnvelope, readModel, readNativeFlags, readPrompt, type GenerationRequest } from './common';
import { Fields } from './fields';
import { readSourceVideo, redrawnVideoRequest, refuseFields, type DerivedSources } from './sourceVideo';

/** Modify renders at most 720p; 540p when quality is left out. */
export const MODIFY_QUALITIES = ['360p', '540p', '720p'];
const MODIFY_DEFAULT_QUALITY = '540p';

/** POST /videos/modify (section 5.7): changes a video as the prompt says; v5.5 only. */
export function validateModify(body: Record<string, unknown>, sources: DerivedSources): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const source = readSourceVideo(fields, sources, 'modify');
	const { model, rule } = readModel(fields, 'modify', DEFAULT_MODEL.modify);
	refuseFields(fields, ['preview_mode', 'multi_shot', 'audio', 'duration'], 'modify');
	const quality = fields.oneOf('quality', MODIFY_QUALITIES, `quality for /videos/modify (model ${model})`) ?? MODIFY_DEFAULT_QUALITY;
	const flags = readNativeFlags(fields, model, rule);
	const prompt = readPrompt(fields, 'for /videos/modify: say what to change');
	return redrawnVideoRequest(envelope, source, { endpoint: 'modify', model, rule, prompt, quality, flags });
}
