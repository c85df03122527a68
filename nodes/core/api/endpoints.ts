import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { pixverseRequest } from '../transport/request';
import type { PixverseContext, PixverseRequest, PixverseResponse } from '../transport/request';
import type { RequestKind } from '../transport/retryPolicy';
import { redactSecrets } from '../redact';
import { pathParameterProblem } from './pathParameters';

/**
 * Every useapi.net endpoint the package uses, as `METHOD /path` below /v2/pixverse. The API
 * functions of this folder call them; the README's operations table names them.
 */
export const ENDPOINTS = {
	listAccounts: 'GET /accounts',
	getAccount: 'GET /accounts/{email}',
	saveAccount: 'POST /accounts/{email}',
	deleteAccount: 'DELETE /accounts/{email}',
	getFeatures: 'GET /features',
	uploadFile: 'POST /files',
	listVideos: 'GET /videos',
	getVideo: 'GET /videos/{video_id}',
	deleteVideo: 'DELETE /videos/{video_id}',
	getImage: 'GET /images/{image_id}',
	listImages: 'GET /images',
	deleteImage: 'DELETE /images/{image_id}',
	getSpeech: 'GET /speech/{audio_id}',
	listSpeech: 'GET /speech',
	getMusic: 'GET /music/{audio_id}',
	listMusic: 'GET /music',
	listSpeechVoices: 'GET /speech/voices',
	listEffects: 'GET /videos/effects',
	listVoices: 'GET /videos/voices',
	listRestyles: 'GET /videos/restyles',
	listRunningJobs: 'GET /scheduler',
	availableSlots: 'GET /scheduler/available',
	releaseJob: 'DELETE /scheduler/{id}',
	create: 'POST /videos/create',
	createFrames: 'POST /videos/create-frames',
	createTransition: 'POST /videos/create-transition',
	createFusion: 'POST /videos/create-fusion',
	motionControl: 'POST /videos/motion-control',
	extend: 'POST /videos/extend',
	upscale: 'POST /videos/upscale',
	modify: 'POST /videos/modify',
	restyle: 'POST /videos/restyle',
	lipsync: 'POST /videos/lipsync',
	createImage: 'POST /images/create',
	createSpeech: 'POST /speech/create',
	createMusic: 'POST /music/create',
} as const;

export type Endpoint = keyof typeof ENDPOINTS;

/** Where a call comes from: the item it serves, and the execution's cancel signal. */
export interface CallOptions {
	itemIndex?: number;
	signal?: AbortSignal;
}

export interface Call extends CallOptions, Omit<PixverseRequest, 'method' | 'path' | 'kind' | 'itemIndex' | 'signal'> {
	/** Values for the `{name}` parts of the path, inserted raw (useapi matches ids unencoded), checked by pathParameters.ts. */
	params?: Record<string, string>;
	kind?: RequestKind;
}

/** The endpoint's path with its `{name}` parts filled in; a value that could change the path is an error. */
function endpointPath(context: PixverseContext, template: string, params: Record<string, string>, itemIndex?: number): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const problem = pathParameterProblem(name, params[name]);
		if (problem) {
			throw new NodeOperationError(context.getNode(), problem.message, {
				itemIndex,
				description: `Allowed: ${problem.allowed}. Nothing was sent to useapi.net.`,
			});
		}
		return params[name];
	});
}

/** Sends one request to an endpoint through the transport: the only place this package does. */
export async function callEndpoint<T = unknown>(context: PixverseContext, endpoint: Endpoint, call: Call = {}): Promise<PixverseResponse<T>> {
	const [method, template] = ENDPOINTS[endpoint].split(' ') as [PixverseRequest['method'], string];
	const { params = {}, kind = 'repeatable', ...rest } = call;
	const path = endpointPath(context, template, params, call.itemIndex);
	return (await pixverseRequest.call(context, { ...rest, method, path, kind })) as PixverseResponse<T>;
}

export const isRecord = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** An answer with HTTP 200 that is not what the endpoint documents: an error, never an empty result. */
export function unreadableAnswer(context: PixverseContext, endpoint: Endpoint, body: unknown, itemIndex?: number): NodeOperationError {
	const text = redactSecrets(typeof body === 'string' ? body : JSON.stringify(body) ?? String(body));
	return new NodeOperationError(context.getNode(), `useapi.net answered ${ENDPOINTS[endpoint]} with something this node cannot read`, {
		itemIndex,
		description: `The answer was: ${text.slice(0, 300)}. Run again; if it keeps happening, the API may have changed.`,
	});
}

/** The answer as an object, or an error naming the endpoint. */
export function recordAnswer(context: PixverseContext, endpoint: Endpoint, body: unknown, itemIndex?: number): IDataObject {
	if (!isRecord(body)) throw unreadableAnswer(context, endpoint, body, itemIndex);
	return body;
}

/**
 * The list in an answer: a bare array, or the array under one of `keys` (also one level down,
 * e.g. `{data: {items: [...]}}`). Entries that are not objects are skipped. Undefined when the
 * answer holds no list.
 */
export function listIn(body: unknown, keys: readonly string[]): IDataObject[] | undefined {
	if (Array.isArray(body)) return body.filter(isRecord);
	if (!isRecord(body)) return undefined;
	for (const key of keys) {
		const value = body[key];
		if (Array.isArray(value)) return value.filter(isRecord);
		if (isRecord(value)) {
			const nested = listIn(value, keys);
			if (nested) return nested;
		}
	}
	return undefined;
}

/** The list in an answer, or an error naming the endpoint. */
export function listAnswer(context: PixverseContext, endpoint: Endpoint, body: unknown, keys: readonly string[], itemIndex?: number): IDataObject[] {
	const list = listIn(body, keys);
	if (!list) throw unreadableAnswer(context, endpoint, body, itemIndex);
	return list;
}
