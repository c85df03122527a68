import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { redactSecrets } from '../redact';

interface Explanation {
	message: string;
	description: string;
}

const BY_STATUS: Record<number, Explanation> = {
	400: {
		message: 'useapi.net rejected the request',
		description: 'A field is missing or not allowed for this model. The API said: {detail}',
	},
	401: {
		message: 'The useapi.net API token was rejected',
		description: 'Check the API token in the "useapi.net API" credential (useapi.net → Account → API token).',
	},
	402: {
		message: 'The useapi.net subscription is missing or expired',
		description: 'Renew the useapi.net subscription, then run again. The API said: {detail}',
	},
	404: {
		message: 'Not found',
		description: 'Check the id or the account email. The API said: {detail}',
	},
	412: {
		message: 'The PixVerse account is out of credits',
		description: 'Top up credits on pixverse.ai or pick another account, then run again. Nothing was started. The API said: {detail}',
	},
	422: {
		message: 'PixVerse moderated the request',
		description: 'PixVerse refused the prompt or an input image (moderation, or a motion-control character image without a clear person or animal). Change it and run again. Nothing was started. The API said: {detail}',
	},
	429: {
		message: 'All PixVerse accounts are busy',
		description: 'Every configured account is at its concurrency limit (maxJobs). Wait for running videos to finish, raise maxJobs on the account, or add an account.',
	},
	596: {
		message: 'The PixVerse account needs to be added again',
		description: 'useapi.net lost the PixVerse session for this account. Delete the account on useapi.net and add it again (Account > Add or Update).',
	},
};

const SERVER_ERROR: Explanation = {
	message: 'useapi.net or PixVerse had a server error',
	description: 'This is usually temporary; run again in a few minutes. The API said: {detail}',
};

/** The API's own words: `{error, code}` bodies, plain text, or nothing; never a secret it echoes. */
export function apiDetail(body: unknown, secrets: Array<string | undefined> = []): string {
	const words = (() => {
		if (body && typeof body === 'object') {
			const error = (body as { error?: unknown; message?: unknown }).error ?? (body as { message?: unknown }).message;
			return typeof error === 'string' ? error : JSON.stringify(body).slice(0, 500);
		}
		return typeof body === 'string' && body.trim() ? body.trim().slice(0, 500) : '(no details)';
	})();
	return redactSecrets(words, secrets);
}

export function explainStatus(statusCode: number, body: unknown, secrets: Array<string | undefined> = []): Explanation {
	const known = BY_STATUS[statusCode] ?? (statusCode >= 500 ? SERVER_ERROR : undefined);
	const detail = apiDetail(body, secrets);
	if (!known) return { message: `useapi.net answered HTTP ${statusCode}`, description: `The API said: ${detail}` };
	return { message: known.message, description: known.description.replace('{detail}', detail) };
}

/**
 * A NodeApiError built from the status and body alone. The underlying HTTP error is never passed
 * on: it carries the request headers, and with them the API token.
 */
export function statusError(node: INode, statusCode: number, body: unknown, context: { itemIndex?: number; what?: string; secrets?: Array<string | undefined> } = {}): NodeApiError {
	const { message, description } = explainStatus(statusCode, body, context.secrets);
	const response: JsonObject = { httpCode: String(statusCode), message, description };
	return new NodeApiError(node, response, {
		message: context.what ? `${message} (${context.what})` : message,
		description,
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
}

export function networkError(node: INode, cause: string, context: { itemIndex?: number; what?: string; description?: string; secrets?: Array<string | undefined> } = {}): NodeApiError {
	const message = `Could not reach useapi.net${context.what ? ` (${context.what})` : ''}: ${redactSecrets(cause, context.secrets)}`;
	const description = context.description ?? 'Check the Base URL in the credential and the network, then run again.';
	return new NodeApiError(node, { message, description }, { message, description, itemIndex: context.itemIndex });
}

/** The host a redirect points at, resolved against the request URL; never its path or query. */
export function redirectTarget(location: unknown, requestUrl: string): string {
	const raw = Array.isArray(location) ? location[0] : location;
	if (typeof raw !== 'string' || !raw.trim()) return '(no Location given)';
	try {
		return new URL(raw, requestUrl).host || '(no host)';
	} catch {
		return '(an unreadable Location)';
	}
}

/**
 * A 3xx from the Base URL. Redirects are never followed: the token goes to the Base URL's host
 * only. A generation redirected was not accepted anywhere, so it is safe to run again.
 */
export function redirectError(
	node: INode,
	statusCode: number,
	location: unknown,
	requestUrl: string,
	context: { itemIndex?: number; what?: string; kind?: string } = {},
): NodeApiError {
	const target = redirectTarget(location, requestUrl);
	const message = `useapi.net answered with a redirect (HTTP ${statusCode}) to ${target}${context.what ? ` (${context.what})` : ''}; it was not followed`;
	const description = [
		`This node never follows redirects, so the API token goes only to the Base URL's host (${new URL(requestUrl).host}). Check the Base URL in the "useapi.net API" credential: it must be the API itself (https://api.useapi.net, or your simulator).`,
		context.kind === 'generation' ? 'Nothing was accepted: the generation was sent to no other host, so no video was started and no credits were charged.' : '',
	].filter(Boolean).join(' ');
	return new NodeApiError(node, { message, description, httpCode: String(statusCode) }, { message, description, httpCode: String(statusCode), itemIndex: context.itemIndex });
}
