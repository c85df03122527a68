import { type ExecutionJson, parseExecutionOutput } from './executionOutput';
import { type N8nInstance, runN8n } from './n8nCli';

export interface ExecuteResult {
	/** Exit code 0, an execution was printed, and it carries no error. */
	ok: boolean;
	exitCode: number | null;
	/** Set when the process was killed by a signal. */
	signal: NodeJS.Signals | null;
	timedOut: boolean;
	/** The execution, also when it failed (n8n prints it before exiting with code 1). */
	result: ExecutionJson | undefined;
	stdout: string;
	stderr: string;
}

export interface ExecuteOptions {
	/** Default 270 s (only guards a hang; jest gives a test 300 s). */
	timeoutMs?: number;
	env?: NodeJS.ProcessEnv;
	/** Called with the pid of the `n8n execute` process once it has started. */
	onSpawn?: (pid: number) => void;
}

/**
 * The exit code n8n gave, or, when n8n 2.41.1 crashed with SIGSEGV while shutting down after it
 * had printed the execution (seen on some machines, also with only built-in nodes), the code that
 * execution means: 0 for success or parked (waiting), 1 for error. Any other crash stays a failure.
 */
export function effectiveExitCode(run: { exitCode: number | null; signal: NodeJS.Signals | null }, result: ExecutionJson | undefined): number | null {
	if (run.signal !== 'SIGSEGV' || !result) return run.exitCode;
	if (result.status === 'success' || result.status === 'waiting') return 0;
	if (result.status === 'error') return 1;
	return run.exitCode;
}

/**
 * `n8n execute --id=<id> --rawOutput` (the workflow must start with a Manual Trigger). The exit
 * code alone proves nothing: n8n exits 0 without running anything in some cases, so `ok` also
 * requires the printed execution and no error in it.
 */
export async function executeWorkflow(
	instance: N8nInstance,
	workflowId: string,
	options: ExecuteOptions = {},
): Promise<ExecuteResult> {
	const run = await runN8n(instance, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		timeoutMs: options.timeoutMs ?? 270_000,
		env: options.env,
		onSpawn: options.onSpawn,
	});
	const result = parseExecutionOutput(run.stdout);
	const exitCode = effectiveExitCode(run, result);
	const ok = exitCode === 0 && !run.timedOut && result !== undefined && !result.data?.resultData?.error;
	return {
		ok,
		exitCode,
		signal: run.signal,
		timedOut: run.timedOut,
		result,
		stdout: run.stdout,
		stderr: run.stderr,
	};
}

/** One paragraph saying why an execution was not ok, for assertion messages. */
export function describeExecution(execution: ExecuteResult): string {
	const error = execution.result?.data?.resultData?.error;
	const tail = (text: string) => text.trim().split('\n').slice(-30).join('\n');
	return [
		`exit code ${execution.exitCode}${execution.signal ? ` (${execution.signal})` : ''}${execution.timedOut ? ' (timed out)' : ''}`,
		execution.result ? `execution status: ${execution.result.status}` : 'no execution JSON in stdout',
		error ? `error: ${error.message}${error.description ? ` — ${error.description}` : ''}` : '',
		execution.result ? '' : `--- stdout (tail) ---\n${tail(execution.stdout)}`,
		`--- stderr (tail) ---\n${tail(execution.stderr)}`,
	]
		.filter(Boolean)
		.join('\n');
}
