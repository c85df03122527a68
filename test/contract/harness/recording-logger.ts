import type { Logger as WorkflowLogger, LogMetadata } from 'n8n-workflow';

export interface LogEntry {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: LogMetadata;
}

/** Stands in for n8n's winston logger: keeps test output quiet but lets a test inspect what n8n logged. */
export class RecordingLogger implements WorkflowLogger {
	readonly entries: LogEntry[] = [];

	error(message: string, metadata?: LogMetadata) {
		this.entries.push({ level: 'error', message, metadata });
	}

	warn(message: string, metadata?: LogMetadata) {
		this.entries.push({ level: 'warn', message, metadata });
	}

	info(message: string, metadata?: LogMetadata) {
		this.entries.push({ level: 'info', message, metadata });
	}

	debug(message: string, metadata?: LogMetadata) {
		this.entries.push({ level: 'debug', message, metadata });
	}

	scoped(): this {
		return this;
	}
}
