import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { networkError, redirectError, statusError } from './errors';
import type { Readable } from './streams';
import type { Failure, RequestKind } from './retryPolicy';
import { isRetryable, parseRetryAfter, RETRY_LIMITS, retryDelayMs } from './retryPolicy';

export const CREDENTIAL_TYPE = 'useApiApi';
export const API_PREFIX = '/v2/pixverse';
const REQUEST_TIMEOUT_MS = 120_000;

export type PixverseContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export interface PixverseRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** Path below /v2/pixverse, ids inserted raw: useapi matches `user:…-pixverse:…` unencoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer | Readable;
	headers?: IDataObject;
	kind: RequestKind;
	/** Statuses returned to the caller instead of thrown, e.g. 404 while a video renders. */
	passStatuses?: number[];
	itemIndex?: number;
	/** Names the thing in errors, e.g. the video id. */
	what?: string;
	/** Stops waits between attempts (the execution's cancel signal). */
	signal?: AbortSignal;
}

export interface PixverseResponse<T = unknown> {
	statusCode: number;
	body: T;
	headers: IDataObject;
}

export async function apiBaseUrl(context: PixverseContext): Promise<string> {
	return (await apiCredentials(context)).baseUrl;
}

export async function apiToken(context: PixverseContext): Promise<string> {
	return (await apiCredentials(context)).apiToken;
}

/**
 * The credential as read once per node context (one run of execute(), one webhook call, one
 * poll): n8n reads and decrypts it from its database on every getCredentials().
 */
const credentialsByContext = new WeakMap<PixverseContext, Promise<{ baseUrl: string; apiToken: string }>>();

async function apiCredentials(context: PixverseContext): Promise<{ baseUrl: string; apiToken: string }> {
	let credentials = credentialsByContext.get(context);
	if (!credentials) {
		credentials = context.getCredentials<{ baseUrl?: string; apiToken?: string }>(CREDENTIAL_TYPE).then((data) => ({
			baseUrl: (data.baseUrl || 'https://api.useapi.net').replace(/\/+$/, ''),
			apiToken: String(data.apiToken ?? ''),
		}));
		credentialsByContext.set(context, credentials);
		// A failed read is not kept: the next request reads again.
		credentials.catch(() => credentialsByContext.delete(context));
	}
	return await credentials;
}

/** The host the API token may go to: the Base URL's, and no other. */
function apiHost(baseUrl: string): string {
	try {
		return new URL(baseUrl).hostname;
	} catch {
		return '';
	}
}

function describeNetworkError(error: unknown): string {
	const candidate = error as { cause?: { code?: string; message?: string }; code?: string; message?: string };
	return candidate.cause?.code ?? candidate.code ?? candidate.cause?.message ?? candidate.message ?? 'unknown network error';
}

const isJsonBody = (body: unknown) => body !== null && typeof body === 'object' && !Buffer.isBuffer(body);

/**
 * The one place HTTP to useapi happens. Retries follow retryPolicy.ts; every failure becomes a
 * NodeApiError that says what to do and never contains the token.
 */
export async function pixverseRequest<T = IDataObject>(
	this: PixverseContext,
	request: PixverseRequest,
): Promise<PixverseResponse<T>> {
	const { baseUrl, apiToken } = await apiCredentials(this);
	// Whatever the API echoes (or a network layer reports) goes into errors without the token.
	const errorContext = { ...request, secrets: [apiToken] };
	const limits = RETRY_LIMITS[request.kind];
	const streamingBody = request.body !== undefined && !isJsonBody(request.body) && !Buffer.isBuffer(request.body);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${API_PREFIX}${request.path}`,
		qs: request.qs,
		body: request.body,
		headers: request.headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
		// The answer comes from the Base URL or not at all: a redirect is an error (below), so
		// the token and a generation body never reach another host. n8n checks every request
		// (and, should one ever be followed, every hop) against allowedDomains.
		disableFollowRedirect: true,
		maxRedirects: 0,
		sendCredentialsOnCrossOriginRedirect: false,
		allowedDomains: apiHost(baseUrl) || undefined,
	};

	for (let attempt = 1; ; attempt++) {
		let failure: Failure;
		let response: PixverseResponse<T> | undefined;
		let networkCause = '';
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as PixverseResponse<T>;
		} catch (error) {
			networkCause = describeNetworkError(error);
		}

		if (response) {
			const { statusCode, body } = response;
			if (statusCode >= 300 && statusCode < 400) throw redirectError(this.getNode(), statusCode, response.headers?.location, options.url, request);
			const ok = statusCode >= 200 && statusCode < 300;
			if (ok && request.method === 'GET' && typeof body === 'string') {
				failure = { type: 'malformed' };
			} else if (ok || request.passStatuses?.includes(statusCode)) {
				return response;
			} else {
				const retryAfterMs = parseRetryAfter(response.headers?.['retry-after'], body);
				failure = { type: 'status', statusCode, retryAfterMs };
			}
		} else {
			failure = { type: 'network' };
		}

		const mayRetry = isRetryable(request.kind, failure) && attempt < limits.maxAttempts && !streamingBody;
		if (!mayRetry) {
			if (failure.type === 'status') {
				throw statusError(this.getNode(), failure.statusCode, response?.body, errorContext);
			}
			if (failure.type === 'malformed') {
				throw networkError(this.getNode(), 'the answer was not valid JSON', errorContext);
			}
			throw networkError(this.getNode(), networkCause, {
				...errorContext,
				description:
					request.kind === 'generation'
						? 'The request may have reached useapi.net and started a job, so it was not sent again (that could charge twice). Check Video → Get Many or Scheduler → List Running Jobs before running again.'
						: undefined,
			});
		}
		await sleep(retryDelayMs(limits, attempt, failure.type === 'status' ? failure.retryAfterMs : undefined), request.signal);
	}
}
