import { RESTYLES } from '../catalogs';
import { DEFAULT_MODEL } from '../models';
import { readEnvelope, readModel, readNativeFlags, readPrompt, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { readSourceVideo, redrawnVideoRequest, refuseFields, type DerivedSources } from './sourceVideo';

/** POST /videos/restyle (section 5.8): redraws a video in a style (GET /videos/restyles); model v4. */
export function validateRestyle(body: Record<string, unknown>, sources: DerivedSources): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const source = readSourceVideo(fields, sources, 'restyle');
	const { model, rule } = readModel(fields, 'restyle', DEFAULT_MODEL.restyle);
	refuseFields(fields, ['quality', 'duration', 'audio'], 'restyle');
	const restyleId = fields.integer('restyle_id', 1, Number.MAX_SAFE_INTEGER);
	if (restyleId !== undefined && !RESTYLES.some((restyle) => restyle.restyle_id === restyleId)) {
		throw invalid(`restyle_id ${restyleId} was not found: pick one from GET /videos/restyles (${RESTYLES.map((restyle) => restyle.restyle_id).join(', ')})`);
	}
	const flags = readNativeFlags(fields, model, rule);
	const prompt = readPrompt(fields, 'for /videos/restyle: describe the new look');
	const quality = source.quality && rule.qualities.includes(source.quality) ? source.quality : rule.defaultQuality;
	return redrawnVideoRequest(envelope, source, { endpoint: 'restyle', model, rule, prompt, quality, flags });
}
