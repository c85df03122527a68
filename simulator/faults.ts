import { ApiError } from './http/reply';

export type FaultKind = 'status' | 'reset' | 'slow' | 'malformed' | 'truncate';

export interface Fault {
	/** Only requests with this method (any when absent). */
	method?: string;
	/** Substring of the raw path+query, or a regular expression written as "/.../flags" (used as one when it compiles). */
	path?: string;
	kind: FaultKind;
	/** 'status': the HTTP status to answer (default 500). */
	status?: number;
	/** 'status': the body to answer (default `{"error":"Simulated fault","code":status}`). */
	body?: unknown;
	/** Adds a Retry-After header (seconds). */
	retryAfter?: number;
	/** 'slow': how long to hold the request (default 5000). */
	delayMs?: number;
	/** How many matching requests the fault hits (default 1). */
	times?: number;
	/** 'truncate': close the connection after this many body bytes (default half the body). */
	afterBytes?: number;
	/**
	 * 'before' (default): the fault acts instead of the request, nothing happens on the server.
	 * 'after': the request is fully handled (a job may be created and charged) and only the
	 * response is replaced, delayed or broken off, as when an answer is lost on the way back.
	 * 'truncate' always acts after.
	 */
	phase?: 'before' | 'after';
}

const KINDS: FaultKind[] = ['status', 'reset', 'slow', 'malformed', 'truncate'];

/** Ordered queue of faults; the first one matching a request is used and counted down. */
export class FaultQueue {
	private queue: Array<{ fault: Fault; remaining: number }> = [];

	add(fault: Fault): void {
		this.queue.push({ fault: { ...checkFault(fault) }, remaining: fault.times ?? 1 });
	}

	clear(): void {
		this.queue = [];
	}

	list(): Fault[] {
		return this.queue.map(({ fault, remaining }) => ({ ...fault, times: remaining }));
	}

	take(method: string, rawPath: string): Fault | undefined {
		const index = this.queue.findIndex(({ fault }) => matches(fault, method, rawPath));
		if (index === -1) return undefined;
		const queued = this.queue[index];
		queued.remaining -= 1;
		if (queued.remaining <= 0) this.queue.splice(index, 1);
		return queued.fault;
	}
}

function matches(fault: Fault, method: string, rawPath: string): boolean {
	if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
	if (!fault.path) return true;
	const regex = asRegex(fault.path);
	return regex ? regex.test(rawPath) : rawPath.includes(fault.path);
}

/** "/.../flags" is read as a regular expression when it compiles; anything else is a substring. */
function asRegex(path: string): RegExp | undefined {
	const literal = /^\/(.+)\/([dgimsuy]*)$/.exec(path);
	if (!literal) return undefined;
	try {
		return new RegExp(literal[1], literal[2]);
	} catch {
		return undefined;
	}
}

function checkFault(fault: Fault): Fault {
	if (!fault || typeof fault !== 'object' || !KINDS.includes(fault.kind)) {
		throw new ApiError(400, `fault.kind must be one of: ${KINDS.join(', ')}`);
	}
	if (fault.path !== undefined && typeof fault.path !== 'string') throw new ApiError(400, 'fault.path must be a string');
	for (const field of ['status', 'retryAfter', 'delayMs', 'times', 'afterBytes'] as const) {
		const value = fault[field];
		if (value !== undefined && (typeof value !== 'number' || value < 0)) {
			throw new ApiError(400, `fault.${field} must be a non-negative number`);
		}
	}
	return fault;
}
