import { type BackgroundProcess, startBackgroundProcess, waitUntil } from './childProcess';

export interface SimulatorProcessOptions {
	/** The repository root (holds simulator/main.ts and node_modules/tsx). */
	repoFolder: string;
	port: number;
	/** More CLI flags, e.g. ['--render-ms', '500']. */
	args?: string[];
	onLine?: (line: string) => void;
	/** Default 30 s. */
	readyTimeoutMs?: number;
}

export interface SimulatorProcess {
	url: string;
	port: number;
	pid: number;
	process: BackgroundProcess;
	logs(): string;
	stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/__sim/log`);
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * Runs the simulator CLI as one child process (`node --import tsx simulator/main.ts`, so the
 * pid we stop is the server itself) and waits until its control API answers.
 */
export async function startSimulatorProcess(options: SimulatorProcessOptions): Promise<SimulatorProcess> {
	const url = `http://127.0.0.1:${options.port}`;
	if (await answers(url)) throw new Error(`something already answers on ${url}; stop it or choose another port`);
	const simulator = startBackgroundProcess(
		process.execPath,
		['--import', 'tsx', 'simulator/main.ts', '--port', String(options.port), ...(options.args ?? [])],
		{ cwd: options.repoFolder, env: process.env, onLine: options.onLine, graceMs: 5_000 },
	);
	try {
		await waitUntil(simulator, () => answers(url), `simulator on port ${options.port}`, options.readyTimeoutMs ?? 30_000);
	} catch (error) {
		await simulator.stop();
		throw error;
	}
	return {
		url,
		port: options.port,
		pid: simulator.pid,
		process: simulator,
		logs: simulator.logs,
		stop: () => simulator.stop(),
	};
}
