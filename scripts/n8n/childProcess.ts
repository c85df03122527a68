import { type ChildProcess, spawn } from 'node:child_process';

const LOG_LIMIT = 4 * 1024 * 1024;

export interface BackgroundProcess {
	child: ChildProcess;
	pid: number;
	/** stdout and stderr interleaved, the last 4 MB. */
	logs(): string;
	/** Resolves with the exit code (null when killed by a signal) once the process has ended. */
	exited: Promise<number | null>;
	hasExited(): boolean;
	/** SIGTERM, then SIGKILL if it is still running after `graceMs`; resolves once it has ended. */
	stop(graceMs?: number): Promise<void>;
}

export interface BackgroundOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	onLine?: (line: string) => void;
}

/** Starts a long-running process that is stopped by its own pid only (no process groups). */
export function startBackgroundProcess(program: string, args: string[], options: BackgroundOptions = {}): BackgroundProcess {
	const child = spawn(program, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	if (child.pid === undefined) throw new Error(`could not start ${program}`);
	let logs = '';
	let partial = '';
	let ended = false;
	const onData = (chunk: Buffer) => {
		const text = chunk.toString('utf8');
		logs = (logs + text).slice(-LOG_LIMIT);
		if (!options.onLine) return;
		const lines = (partial + text).split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) options.onLine(line);
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', (code) => {
			ended = true;
			resolve(code);
		});
	});

	const stop = async (graceMs = 20_000): Promise<void> => {
		if (ended) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => {
			if (!ended) child.kill('SIGKILL');
		}, graceMs);
		await exited;
		clearTimeout(timer);
	};

	return { child, pid: child.pid, logs: () => logs, exited, hasExited: () => ended, stop };
}

/** Polls `isReady` every 200 ms; rejects (with the logs' tail) if the process ends first or time runs out. */
export async function waitUntil(
	process: BackgroundProcess,
	isReady: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await isReady()) return;
		if (process.hasExited()) {
			throw new Error(`${what}: the process ended before it was ready\n${process.logs().slice(-8000)}`);
		}
		if (Date.now() > deadline) {
			throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s\n${process.logs().slice(-8000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
