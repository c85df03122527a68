import { durationsFor, MODELS, modelsFor, qualitiesFor, type Endpoint, type ModelRule, type NativeFlag } from '../models';
import type { JobSpec } from '../state/jobs';
import type { UploadKind, Uploads } from '../state/uploads';
import { describeNumbers, Fields, invalid } from './fields';

export const MAX_PROMPT = 5000;
export const MAX_REPLY_FIELD = 1024;
export const MAX_SEED = 2147483647;

/** A validated generation request, before an account is chosen and charged. */
export interface GenerationRequest {
	email?: string;
	maxJobs?: number;
	/** Everything the job needs except what the chosen account decides. */
	draft: Omit<JobSpec, 'email' | 'accountId' | 'outcome'>;
	/** Text the moderation markers are looked for in. */
	texts: string[];
	/** Jobs the request starts (create_count images), each charged draft.cost; 1 when absent. */
	count?: number;
}

/** email, replyUrl, replyRef and maxJobs, common to every generation POST. */
export function readEnvelope(fields: Fields): { email?: string; maxJobs?: number; replyUrl?: string; replyRef?: string } {
	return {
		email: fields.string('email'),
		maxJobs: fields.integer('maxJobs', 1, 8),
		replyUrl: fields.string('replyUrl', MAX_REPLY_FIELD),
		replyRef: fields.string('replyRef', MAX_REPLY_FIELD),
	};
}

export function readModel(fields: Fields, endpoint: Endpoint, fallback: string): { model: string; rule: ModelRule } {
	const allowed = modelsFor(endpoint);
	const model = fields.oneOf('model', allowed, `model for /videos/${endpoint}`) ?? fallback;
	return { model, rule: MODELS[model] };
}

const NATIVE_FLAGS: NativeFlag[] = ['off_peak_mode', 'preview_mode', 'seed', 'multi_shot'];

/** Native-only flags are refused when sent at all (even false) to a model without them. */
export function readNativeFlags(
	fields: Fields,
	model: string,
	rule: ModelRule,
): { offPeak: boolean; preview: boolean; multiShot?: boolean; seed: number } {
	for (const flag of fields.present(NATIVE_FLAGS)) {
		if (rule.flags.includes(flag as NativeFlag)) continue;
		const owners = Object.keys(MODELS).filter((name) => MODELS[name].flags.includes(flag as NativeFlag));
		throw invalid(`${flag} is not supported by model ${model}; models that accept it: ${owners.join(', ')}`);
	}
	return {
		offPeak: fields.boolean('off_peak_mode') ?? false,
		preview: fields.boolean('preview_mode') ?? false,
		multiShot: fields.boolean('multi_shot'),
		seed: fields.integer('seed', 0, MAX_SEED) ?? randomSeed(),
	};
}

export function readAudio(fields: Fields, model: string, rule: ModelRule): boolean | undefined {
	if (!fields.has('audio')) return undefined;
	if (rule.audio === 'always-on') {
		throw invalid(`audio is always on for model ${model}: omit the audio field`);
	}
	if (rule.audio === 'none') {
		const toggles = Object.keys(MODELS).filter((name) => MODELS[name].audio === 'toggle');
		throw invalid(`audio is not supported by model ${model}; models with an audio toggle: ${toggles.join(', ')}`);
	}
	return fields.boolean('audio');
}

export function readQualityAndDuration(
	fields: Fields,
	model: string,
	rule: ModelRule,
	endpoint: Endpoint,
): { quality: string; duration: number } {
	const qualities = qualitiesFor(rule, endpoint);
	const quality =
		fields.oneOf('quality', qualities, `quality for model ${model}`) ??
		(qualities.includes(rule.defaultQuality) ? rule.defaultQuality : qualities[0]);
	const allowed = durationsFor(rule, quality, endpoint);
	const duration = fields.integer('duration', 1, Number.MAX_SAFE_INTEGER) ?? defaultDuration(rule, allowed);
	if (!allowed.includes(duration)) {
		throw invalid(`duration ${duration} is not allowed for model ${model} at ${quality}; allowed seconds: ${describeNumbers(allowed)}`);
	}
	return { quality, duration };
}

function defaultDuration(rule: ModelRule, allowed: number[]): number {
	return allowed.includes(rule.defaultDuration) ? rule.defaultDuration : allowed[allowed.length - 1];
}

export function readPrompt(fields: Fields, required: string | false): string {
	const prompt = fields.string('prompt', MAX_PROMPT);
	if (prompt === undefined && required) throw invalid(`prompt is required ${required}`);
	return prompt ?? '';
}

/** An uploaded path: it must have been returned by POST /files and be of the right kind. */
export function readUpload(fields: Fields, uploads: Uploads, name: string, kind: UploadKind): string | undefined {
	const path = fields.string(name);
	if (path === undefined) return undefined;
	const upload = uploads.get(path);
	if (!upload) throw invalid(`${name} ${path} was not found: upload the file with POST /files and use the path it returns`);
	if (upload.kind !== kind) throw invalid(`${name} must be an uploaded ${kind}, but ${path} is ${upload.kind === 'image' ? 'an' : 'a'} ${upload.kind}`);
	return path;
}

export function randomSeed(): number {
	return 1 + Math.floor(Math.random() * (MAX_SEED - 1));
}
