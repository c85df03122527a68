import { createHmac, timingSafeEqual } from 'crypto';

import type { PixverseContext } from './transport/request';
import { apiToken } from './transport/request';

/** The path every PixVerse Trigger webhook URL ends with. */
export const CALLBACK_PATH = 'pixverse-callback';
/** The query parameter carrying the secret a PixVerse Trigger checks. */
export const SECRET_PARAMETER = 'secret';

const PURPOSE = 'n8n-nodes-useapi-pixverse/callback';

/**
 * The secret a PixVerse Trigger accepts callbacks with. useapi.net has no API to register a webhook
 * or sign deliveries, so the secret is derived from the API token (an HMAC, which reveals nothing
 * of the token): the PixVerse node adds it to a trigger's URL and the trigger recomputes it, with
 * nothing to copy by hand and nothing that changes when a workflow is re-published.
 */
export function callbackSecret(apiToken: string): string {
	// From an empty token anyone could compute it.
	if (!apiToken.trim()) throw new Error('No callback secret without an API token');
	return createHmac('sha256', apiToken).update(PURPOSE).digest('base64url');
}

/** The secret of the credential's API token; undefined when the token is empty (then no callback is accepted). */
export async function credentialCallbackSecret(context: PixverseContext): Promise<string | undefined> {
	const token = await apiToken(context);
	return token.trim() ? callbackSecret(token) : undefined;
}

export function secretMatches(given: unknown, expected: string): boolean {
	if (typeof given !== 'string') return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a URL is a PixVerse Trigger's webhook (test or production) that still lacks the secret. */
export function needsCallbackSecret(url: string): boolean {
	try {
		const parsed = new URL(url);
		return parsed.pathname.replace(/\/+$/, '').endsWith(`/${CALLBACK_PATH}`) && !parsed.searchParams.has(SECRET_PARAMETER);
	} catch {
		return false;
	}
}

/** A trigger URL with the secret added; any other URL unchanged. */
export function withCallbackSecret(url: string, secret: string): string {
	if (!needsCallbackSecret(url)) return url;
	const parsed = new URL(url);
	parsed.searchParams.set(SECRET_PARAMETER, secret);
	return parsed.toString();
}

/** How many characters the secret adds to a trigger URL (`?secret=…`), for the 1024-character limit. */
export const CALLBACK_SECRET_LENGTH = `&${SECRET_PARAMETER}=`.length + callbackSecret('x').length;

