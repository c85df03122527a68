import { dirname } from 'node:path';
import type { N8nRuntime } from './ensureRuntime';
import { freePort } from './freePort';
import { n8nEnvironment } from './n8nEnvironment';
import { type CommandResult, runCommand } from './runCommand';

/** One n8n installation (the runtime) bound to one user folder (its database and packages). */
export interface N8nInstance {
	runtime: N8nRuntime;
	userFolder: string;
	/** Extra environment for every command of this instance. */
	env?: NodeJS.ProcessEnv;
}

export interface N8nCommandOptions {
	timeoutMs?: number;
	env?: NodeJS.ProcessEnv;
	onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
	onSpawn?: (pid: number) => void;
}

/**
 * The environment and working folder for one n8n process. Each process gets its own task-runner
 * broker port: the default (5679) would clash with a second n8n on the machine, such as the demo.
 */
export async function n8nProcessSetup(
	instance: N8nInstance,
	env: NodeJS.ProcessEnv = {},
): Promise<{ env: NodeJS.ProcessEnv; cwd: string }> {
	const brokerPort = String(await freePort());
	// Node 24 first on PATH: n8n starts its task runner as `node ...`.
	const path = `${dirname(instance.runtime.nodeBin)}:${process.env.PATH ?? ''}`;
	return {
		env: n8nEnvironment(instance.userFolder, {
			PATH: path,
			N8N_RUNNERS_BROKER_PORT: brokerPort,
			...instance.env,
			...env,
		}),
		// n8n loads a `.env` from its working folder; the user folder has none.
		cwd: instance.userFolder,
	};
}

/** Runs `n8n <args>` to completion, e.g. `runN8n(instance, ['import:workflow', '--input=x.json'])`. */
export async function runN8n(
	instance: N8nInstance,
	args: string[],
	options: N8nCommandOptions = {},
): Promise<CommandResult> {
	const setup = await n8nProcessSetup(instance, options.env);
	return runCommand(instance.runtime.nodeBin, [instance.runtime.n8nBin, ...args], {
		...setup,
		// Only guards a hang: on a busy machine one n8n command has taken minutes.
		timeoutMs: options.timeoutMs ?? 600_000,
		onLine: options.onLine,
		onSpawn: options.onSpawn,
	});
}
