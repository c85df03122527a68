/** The request log: one entry per API or media request, in arrival order. Tokens are never kept. */

export interface LogEntry {
	seq: number;
	time: string;
	method: string;
	/** Path and query exactly as received (not decoded). */
	path: string;
	contentType?: string;
	/** Body bytes received so far (grows while an upload streams in). */
	bodyBytes: number;
	/** Parsed JSON, multipart or form body. */
	body?: Record<string, unknown>;
	status?: number;
	/** Whether the request carried an accepted Bearer token. */
	authorized: boolean;
	fault?: string;
	durationMs?: number;
}

export class RequestLog {
	private entries: LogEntry[] = [];
	private seq = 0;

	start(method: string, path: string, contentType: string | undefined, authorized: boolean): LogEntry {
		const entry: LogEntry = {
			seq: ++this.seq,
			time: new Date().toISOString(),
			method,
			path,
			contentType,
			bodyBytes: 0,
			authorized,
		};
		this.entries.push(entry);
		return entry;
	}

	list(): LogEntry[] {
		return this.entries.map((entry) => ({ ...entry }));
	}

	clear(): void {
		this.entries = [];
	}
}
