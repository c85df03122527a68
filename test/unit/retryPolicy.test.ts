import { isRetryable, parseRetryAfter, RETRY_AFTER_CAP_MS, RETRY_LIMITS, retryDelayMs } from '../../nodes/core/transport/retryPolicy';

describe('retry policy', () => {
	it('retries reads on 429, 5xx, network errors and malformed answers', () => {
		for (const statusCode of [429, 500, 502, 503, 504]) expect(isRetryable('repeatable', { type: 'status', statusCode })).toBe(true);
		expect(isRetryable('repeatable', { type: 'network' })).toBe(true);
		expect(isRetryable('repeatable', { type: 'malformed' })).toBe(true);
	});

	it('never retries client errors or a lost account session', () => {
		for (const statusCode of [400, 401, 402, 404, 412, 422, 596]) expect(isRetryable('repeatable', { type: 'status', statusCode })).toBe(false);
	});

	it('retries a generation only on 429, the one answer that says nothing was accepted', () => {
		expect(isRetryable('generation', { type: 'status', statusCode: 429 })).toBe(true);
		for (const statusCode of [400, 412, 422, 500, 502, 503]) expect(isRetryable('generation', { type: 'status', statusCode })).toBe(false);
		expect(isRetryable('generation', { type: 'network' })).toBe(false);
		expect(isRetryable('generation', { type: 'malformed' })).toBe(false);
	});

	it('backs off exponentially within bounds, and honours Retry-After up to a cap', () => {
		const limits = RETRY_LIMITS.repeatable;
		const noJitter = () => 0.5;
		expect(retryDelayMs(limits, 1, undefined, noJitter)).toBe(limits.baseDelayMs);
		expect(retryDelayMs(limits, 3, undefined, noJitter)).toBe(limits.baseDelayMs * 4);
		expect(retryDelayMs(limits, 30, undefined, noJitter)).toBe(limits.maxDelayMs);
		expect(retryDelayMs(limits, 1, 7000)).toBe(7000);
		expect(retryDelayMs(limits, 1, 10 * 60_000)).toBe(RETRY_AFTER_CAP_MS);
	});

	it('reads Retry-After as seconds, as a date, or from the body', () => {
		expect(parseRetryAfter('3', undefined)).toBe(3000);
		expect(parseRetryAfter(undefined, { retryAfter: 2 })).toBe(2000);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), undefined, 4_000)).toBe(6000);
		expect(parseRetryAfter(undefined, { error: 'busy' })).toBeUndefined();
		expect(parseRetryAfter('soon', undefined)).toBeUndefined();
	});
});
