import type { IRun } from 'n8n-workflow';

/** The execution `n8n execute --rawOutput` prints (dates arrive as ISO strings). */
export type ExecutionJson = IRun;

/**
 * Finds the execution JSON in `n8n execute` output: log lines come first, then the execution,
 * pretty-printed from a line that is exactly `{` to a line that is exactly `}` (nested lines
 * are indented, so the first such `}` closes it). Returns undefined when there is none.
 */
export function parseExecutionOutput(stdout: string): ExecutionJson | undefined {
	const lines = stdout.split('\n').map((line) => line.replace(/\r$/, ''));
	for (let start = lines.indexOf('{'); start !== -1; start = lines.indexOf('{', start + 1)) {
		const end = lines.indexOf('}', start + 1);
		if (end === -1) return undefined;
		try {
			const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionJson;
			if (parsed && typeof parsed === 'object' && 'data' in parsed) return parsed;
		} catch {
			// Not the execution (a log line that happened to be `{`); keep looking.
		}
	}
	return undefined;
}
