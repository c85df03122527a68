import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import type { ExecutionJson } from './executionOutput';
import { describeExecution, executeWorkflow, type ExecuteOptions, type ExecuteResult } from './executeWorkflow';
import { ensureN8nRuntime } from './ensureRuntime';
import { freePort } from './freePort';
import { importCredentials, importWorkflows, type WorkflowSource } from './importData';
import type { N8nInstance } from './n8nCli';
import { type N8nServer, publishWorkflow, startN8nServer } from './n8nServer';
import type { PackedPackage } from './packPackage';
import { simulatorCredential } from './simulatorCredential';
import { createUserFolder } from './userFolder';
import { packedPackage, REPO_ROOT } from './packedPackage';

export interface N8nTestOptions {
	/**
	 * Workflows to import: an example's name (`'text-to-video'` is examples/text-to-video.json),
	 * a .json path (absolute or from the repository root), or a workflow object. Each needs an id.
	 */
	workflows?: WorkflowSource[];
	/** Options of the in-process simulator (it always listens on a free port). */
	simulator?: Omit<SimulatorOptions, 'port'>;
	/** Also run `n8n start` (webhooks, triggers, waiting executions), after publishing these ids. */
	server?: { publish?: string[]; env?: NodeJS.ProcessEnv };
}

export interface N8nTestEnvironment {
	simulator: Simulator;
	instance: N8nInstance;
	userFolder: string;
	packed: PackedPackage;
	/** Present when `server` was asked for. */
	server?: N8nServer;
	/** `n8n execute` of an imported workflow; look at `ok` and `result`. */
	execute(workflowId: string, options?: ExecuteOptions): Promise<ExecuteResult>;
	/** Like execute, but throws (with n8n's error and output) unless the execution succeeded. */
	executeOk(workflowId: string, options?: ExecuteOptions): Promise<ExecutionJson>;
	tearDown(): Promise<void>;
}

/** Long enough for a first-time n8n install when the global setup did not run. */
export const SETUP_TIMEOUT_MS = 10 * 60_000;

export function exampleWorkflow(name: string): string {
	return join(REPO_ROOT, 'examples', `${name}.json`);
}

function resolveSource(source: WorkflowSource): WorkflowSource {
	if (typeof source !== 'string') return source;
	if (isAbsolute(source)) return source;
	return source.endsWith('.json') ? join(REPO_ROOT, source) : exampleWorkflow(source);
}

/**
 * A simulator on a free port and a fresh n8n user folder with the packed package installed, the
 * simulator credential (`useapiSimulator`) and the given workflows imported. Set
 * PIXVERSE_E2E_KEEP=1 to keep the user folder after tearDown for a look at its database.
 */
export async function setUpN8nTestEnvironment(options: N8nTestOptions = {}): Promise<N8nTestEnvironment> {
	const runtime = await ensureN8nRuntime();
	const packed = await packedPackage();
	const cleanups: Array<() => Promise<void> | void> = [];
	const tearDown = async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
		cleanups.length = 0;
	};
	try {
		const simulator = await startSimulator({ ...options.simulator, port: 0 });
		cleanups.push(() => simulator.close());

		const userFolder = await createUserFolder({ tarball: packed.tarball });
		cleanups.push(() => {
			if (process.env.PIXVERSE_E2E_KEEP) console.log(`kept n8n user folder ${userFolder}`);
			else rmSync(userFolder, { recursive: true, force: true });
		});

		const instance: N8nInstance = { runtime, userFolder };
		await importCredentials(instance, [simulatorCredential(simulator.url)]);
		await importWorkflows(instance, (options.workflows ?? []).map(resolveSource));

		let server: N8nServer | undefined;
		if (options.server) {
			for (const id of options.server.publish ?? []) await publishWorkflow(instance, id);
			server = await startN8nServer(instance, { port: await freePort(), env: options.server.env });
			const started = server;
			cleanups.push(() => started.stop());
		}

		const execute = (workflowId: string, executeOptions?: ExecuteOptions) =>
			executeWorkflow(instance, workflowId, executeOptions);
		const executeOk = async (workflowId: string, executeOptions?: ExecuteOptions) => {
			const execution = await execute(workflowId, executeOptions);
			if (!execution.ok || !execution.result) {
				throw new Error(`workflow ${workflowId} did not succeed\n${describeExecution(execution)}`);
			}
			return execution.result;
		};
		return { simulator, instance, userFolder, packed, server, execute, executeOk, tearDown };
	} catch (error) {
		await tearDown();
		throw error;
	}
}
