/**
 * When a request may be sent again. A `repeatable` request (GETs, uploads) costs nothing twice, so
 * it retries on 429, 5xx, network errors and unreadable bodies. A `generation` POST may already
 * have been accepted (and charged) when its answer is lost, so it is retried only on 429, which
 * useapi sends when every account is at its concurrency limit: nothing was accepted.
 */
export type RequestKind = 'repeatable' | 'generation';

export interface RetryLimits {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const RETRY_LIMITS: Record<RequestKind, RetryLimits> = {
	repeatable: { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 },
	generation: { maxAttempts: 12, baseDelayMs: 2000, maxDelayMs: 30_000 },
};

/** A server's Retry-After beyond this is not honoured as is: the wait stays bounded. */
export const RETRY_AFTER_CAP_MS = 120_000;

export type Failure =
	| { type: 'status'; statusCode: number; retryAfterMs?: number }
	| { type: 'network' }
	| { type: 'malformed' };

export function isRetryable(kind: RequestKind, failure: Failure): boolean {
	if (failure.type === 'status') {
		if (failure.statusCode === 429) return true;
		return kind === 'repeatable' && failure.statusCode >= 500 && failure.statusCode !== 596;
	}
	return kind === 'repeatable';
}

/** Exponential backoff with jitter; a Retry-After from the server wins (bounded). */
export function retryDelayMs(limits: RetryLimits, attempt: number, retryAfterMs?: number, random = Math.random): number {
	if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, RETRY_AFTER_CAP_MS);
	const exponential = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exponential * (0.75 + random() * 0.5));
}

/** Retry-After as seconds or an HTTP date, or useapi's `retryAfter` body field (seconds). */
export function parseRetryAfter(header: unknown, body: unknown, now = Date.now()): number | undefined {
	const fromBody = (body as { retryAfter?: unknown } | undefined)?.retryAfter;
	const raw = header ?? fromBody;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(parseFloat(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
