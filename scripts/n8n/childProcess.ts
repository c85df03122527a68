import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ProcessTree } from './processTree';

const LOG_LIMIT = 4 * 1024 * 1024;
const DEFAULT_GRACE_MS = 20_000;

export interface BackgroundProcess {
	child: ChildProcess;
	pid: number;
	/** stdout and stderr interleaved, the last 4 MB. */
	logs(): string;
	/** Resolves with the exit code (null when killed by a signal) once the process has ended. */
	exited: Promise<number | null>;
	hasExited(): boolean;
	/** The signal that ended the process, if one did. */
	exitSignal(): NodeJS.Signals | null;
	/**
	 * Ends the process and everything it started: SIGTERM to its process group, then SIGKILL to
	 * the group and every process below it if any still runs after `graceMs` (default: the
	 * `graceMs` it was started with). Resolves once all of them have ended.
	 */
	stop(graceMs?: number): Promise<void>;
}

export interface BackgroundOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	onLine?: (line: string) => void;
	/** How long stop() waits after SIGTERM before SIGKILL; default 20 s. */
	graceMs?: number;
}

/** Started and not yet stopped, in start order. */
const running = new Set<BackgroundProcess>();

let guardian: ChildProcess | undefined;

/** Tells the guardian (started with the first background process) what to stop if this process dies. */
function tellGuardian(line: string): void {
	if (!guardian) {
		const repo = resolve(__dirname, '..', '..');
		guardian = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'processGuardian.ts')], {
			cwd: repo,
			detached: true,
			stdio: ['pipe', 'ignore', 'ignore'],
		});
		guardian.on('error', () => undefined);
		guardian.stdin?.on('error', () => undefined);
		// Neither keeps this process alive; the pipe closes when it ends, however it ends.
		guardian.unref();
		(guardian.stdin as unknown as { unref?: () => void } | null)?.unref?.();
	}
	guardian.stdin?.write(`${line}\n`);
}

/** Done with one background process; the guardian ends once none is left. */
function release(background: BackgroundProcess): void {
	if (!running.delete(background)) return;
	if (running.size > 0) {
		tellGuardian(`forget ${background.pid}`);
	} else {
		guardian?.stdin?.end();
		guardian = undefined;
	}
}

/**
 * Starts a long-running process as the leader of its own process group. A terminal's Ctrl-C
 * (SIGINT to the foreground group) therefore does not reach it: the process that started it
 * decides, through stop(), how it ends, and a hang in its shutdown is ended by SIGKILL. If the
 * starting process dies without stopping it, a guardian process stops it the same way.
 */
export function startBackgroundProcess(program: string, args: string[], options: BackgroundOptions = {}): BackgroundProcess {
	const child = spawn(program, args, {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	if (child.pid === undefined) throw new Error(`could not start ${program}`);
	const pid = child.pid;
	const graceDefault = options.graceMs ?? DEFAULT_GRACE_MS;
	const tree = new ProcessTree(pid);
	let logs = '';
	let partial = '';
	let ended = false;
	let signal: NodeJS.Signals | null = null;
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
	// Remembers the processes below it while it runs, so that stop() still finds those whose
	// parent has ended.
	const watch = setInterval(() => tree.running(), 5_000);
	watch.unref();
	const exited = new Promise<number | null>((resolveExit) => {
		child.on('exit', (code, exitSignal) => {
			ended = true;
			signal = exitSignal;
			clearInterval(watch);
			resolveExit(code);
		});
	});

	let stopping: Promise<void> | undefined;
	const stop = (graceMs = graceDefault): Promise<void> => {
		stopping ??= (async () => {
			await tree.stop(graceMs);
			await exited;
			release(background);
		})();
		return stopping;
	};

	const background: BackgroundProcess = {
		child,
		pid,
		logs: () => logs,
		exited,
		hasExited: () => ended,
		exitSignal: () => signal,
		stop,
	};
	running.add(background);
	// Without its start time (it ended at once), there is nothing to watch.
	if (tree.leaderStartTime !== undefined) tellGuardian(`watch ${pid} ${graceDefault} ${tree.leaderStartTime}`);
	// One that ended by itself and left nothing behind needs no stop().
	void exited.then(() => {
		if (!stopping && tree.running().length === 0) release(background);
	});
	return background;
}

/** Stops every background process still running, the last started first. */
export async function stopBackgroundProcesses(): Promise<void> {
	const failures: string[] = [];
	for (const background of [...running].reverse()) {
		await background.stop().catch((error: Error) => failures.push(error.message));
	}
	if (failures.length > 0) throw new Error(failures.join('\n'));
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
