import { type ExecutionJson, parseExecutionOutput } from '../../../scripts/n8n/executionOutput';
import { effectiveExitCode } from '../../../scripts/n8n/executeWorkflow';

const execution = { data: { resultData: { runData: { 'Set Fields': [] } } }, status: 'success' };
const printed = JSON.stringify(execution, null, 2);

describe('parseExecutionOutput (n8n execute --rawOutput)', () => {
	it('finds the execution after log lines, including ones that contain braces', () => {
		const stdout = ['Failed to load package "x" {', 'n8n Task Broker ready on 127.0.0.1, port 40233', printed, ''].join('\n');
		expect(parseExecutionOutput(stdout)).toEqual(execution);
	});

	it('finds the execution printed before the error lines of a failed run', () => {
		const failed = { ...execution, status: 'error' };
		const stdout = ['Execution error:', '====', JSON.stringify(failed, null, 2), 'Error executing workflow.', '}'].join('\n');
		expect(parseExecutionOutput(stdout)).toEqual(failed);
	});

	it('skips a lone `{` that does not start the execution', () => {
		const stdout = ['{', 'not json', '}', printed].join('\n');
		expect(parseExecutionOutput(stdout)).toEqual(execution);
	});

	it('returns undefined when nothing was printed (n8n exited without running)', () => {
		expect(parseExecutionOutput('')).toBeUndefined();
		expect(parseExecutionOutput('"--id" has to be set!\n')).toBeUndefined();
	});
});

describe('effectiveExitCode (n8n execute)', () => {
	const finished = (status: string) => ({ ...execution, status }) as unknown as ExecutionJson;

	it('keeps the exit code of a process that exited', () => {
		expect(effectiveExitCode({ exitCode: 1, signal: null }, finished('success'))).toBe(1);
		expect(effectiveExitCode({ exitCode: 0, signal: null }, finished('success'))).toBe(0);
	});

	it('reads the code from a finished execution printed before a crash at shutdown', () => {
		expect(effectiveExitCode({ exitCode: null, signal: 'SIGSEGV' }, finished('success'))).toBe(0);
		expect(effectiveExitCode({ exitCode: null, signal: 'SIGSEGV' }, finished('error'))).toBe(1);
		expect(effectiveExitCode({ exitCode: null, signal: 'SIGSEGV' }, finished('waiting'))).toBe(0);
	});

	it('leaves every other crash a failure', () => {
		expect(effectiveExitCode({ exitCode: null, signal: 'SIGSEGV' }, undefined)).toBeNull();
		expect(effectiveExitCode({ exitCode: null, signal: 'SIGSEGV' }, finished('running'))).toBeNull();
		expect(effectiveExitCode({ exitCode: null, signal: 'SIGKILL' }, finished('success'))).toBeNull();
	});
});
