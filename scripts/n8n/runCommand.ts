import { spawn } from 'node:child_process';

export interface CommandOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the command (SIGKILL) after this long; the result then has `timedOut: true`. */
	timeoutMs?: number;
	/** Called with each complete line of stdout or stderr as it arrives. */
	onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
	/** Text written to the command's stdin, which is then closed. */
	input?: string;
	/** Called with the process id once the command has started (e.g. to sample its memory). */
	onSpawn?: (pid: number) => void;
}

export interface CommandResult {
	command: string;
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	timedOut: boolean;
	stdout: string;
	stderr: string;
}

/** Runs a program to completion and collects its output; never rejects on a non-zero exit. */
export function runCommand(program: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
	const command = [program, ...args].join(' ');
	return new Promise((resolve, reject) => {
		const child = spawn(program, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		if (child.pid !== undefined) options.onSpawn?.(child.pid);
		const collected = { stdout: '', stderr: '' };
		const partial = { stdout: '', stderr: '' };
		let timedOut = false;

		const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			collected[stream] += text;
			if (!options.onLine) return;
			const lines = (partial[stream] + text).split('\n');
			partial[stream] = lines.pop() ?? '';
			for (const line of lines) options.onLine(line, stream);
		};
		child.stdout.on('data', onData('stdout'));
		child.stderr.on('data', onData('stderr'));

		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						child.kill('SIGKILL');
					}, options.timeoutMs);

		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(new Error(`could not start ${command}: ${error.message}`));
		});
		child.on('close', (exitCode, signal) => {
			if (timer) clearTimeout(timer);
			for (const stream of ['stdout', 'stderr'] as const) {
				if (options.onLine && partial[stream]) options.onLine(partial[stream], stream);
			}
			resolve({ command, exitCode, signal, timedOut, ...collected });
		});

		child.stdin.end(options.input ?? '');
	});
}

/** Like runCommand, but rejects with the output's tail when the command does not exit 0. */
export async function runCommandOrThrow(
	program: string,
	args: string[],
	options: CommandOptions = {},
): Promise<CommandResult> {
	const result = await runCommand(program, args, options);
	if (result.exitCode !== 0) throw new Error(describeFailure(result));
	return result;
}

export function describeFailure(result: CommandResult): string {
	const how = result.timedOut
		? 'timed out'
		: result.signal
			? `was killed by ${result.signal}`
			: `exited with code ${result.exitCode}`;
	const tail = (text: string) => text.trim().split('\n').slice(-40).join('\n');
	return `${result.command} ${how}\n--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`;
}
