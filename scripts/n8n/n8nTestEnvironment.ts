import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import { type EditorSession, signInAsOwner } from './editorSession';
import type { ExecutionJson } from './executionOutput';
import { describeExecution, executeWorkflow, type ExecuteOptions, type ExecuteResult } from './executeWorkflow';
import { ensureN8nRuntime } from './ensureRuntime';
import { freePort } from './freePort';
import { importCredentials, importWorkflows, readWorkflow, type WorkflowSource } from './importData';
import type { N8nInstance } from './n8nCli';
import { publishWorkflow, startN8nServer } from './n8nServer';
import type { PackedPackage } from './packPackage';
import { type CredentialRef, createCredential, createWorkflow, publishSavedWorkflow, runWorkflowManually, unpublishWorkflow, withCredential } from './serverWorkflows';
import { sharedN8nServerInfo, sharedServerLogs, waitForSharedN8nServer } from './sharedN8nServer';
import { simulatorCredential } from './simulatorCredential';
import { freshUserFolder } from './userFolderTemplate';
import { packedPackage, REPO_ROOT } from './packedPackage';

export interface N8nTestOptions {
	/**
	 * Workflows to import: an example's name (`'text-to-video'` is examples/text-to-video.json),
	 * a .json path (absolute or from the repository root), or a workflow object. Each needs an id.
	 */
	workflows?: WorkflowSource[];
	/** Options of the in-process simulator (it always listens on a free port). */
	simulator?: Omit<SimulatorOptions, 'port'>;
	/**
	 * Also run `n8n start` (webhooks, triggers, waiting executions), after publishing these ids.
	 * With `shared`, the ids are published in the shared server; `env` is not possible there.
	 */
	server?: { publish?: string[]; env?: NodeJS.ProcessEnv };
	/**
	 * Use the one `n8n start` server (and its user folder) that the e2e global setup starts for
	 * all test files, instead of a user folder and processes of this file's own: the workflows are
	 * saved, published and run through its REST API, as the editor does, and their PixVerse nodes
	 * get a credential of their own that points at this file's simulator. `execute` then runs a
	 * workflow in that server (no new n8n process per run), so its result has no exit code or
	 * output. Workflow ids and webhook paths must differ from those of every other test file.
	 * Not for tests that stop or configure the server, or that need `n8n execute` itself. Without
	 * the global setup (no shared server announced), the file starts a server of its own.
	 */
	shared?: boolean;
}

/** The n8n server a test talks to. */
export interface TestServer {
	url: string;
	port: number;
	/** Its output so far. */
	logs(): string;
	/** Stops a server of the file's own; the shared server refuses (the global teardown stops it). */
	stop(): Promise<void>;
}

export interface N8nTestEnvironment {
	simulator: Simulator;
	instance: N8nInstance;
	userFolder: string;
	packed: PackedPackage;
	/** The credential the workflows' PixVerse nodes use (pointing at `simulator`). */
	credential: CredentialRef;
	/** Present when `server` or `shared` was asked for. */
	server?: TestServer;
	/** Signed in as the server's owner; present with `shared`, or `server` without `server.env`. */
	editor?: EditorSession;
	/**
	 * Runs an imported workflow from its Manual Trigger: `n8n execute`, or with `shared` a manual
	 * run in the shared server. Look at `ok` and `result`.
	 */
	execute(workflowId: string, options?: ExecuteOptions): Promise<ExecuteResult>;
	/** Like execute, but throws (with n8n's error and output) unless the execution succeeded. */
	executeOk(workflowId: string, options?: ExecuteOptions): Promise<ExecutionJson>;
	/** Imports more workflows (as `workflows` does); returns their ids. */
	importWorkflows(sources: WorkflowSource[]): Promise<string[]>;
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

/** Saves the workflows in a running server, their PixVerse nodes pointed at `credential`; returns their ids. */
async function createWorkflows(editor: EditorSession, sources: WorkflowSource[], credential: CredentialRef): Promise<string[]> {
	const workflows = sources.map((source) => withCredential(readWorkflow(resolveSource(source)), credential));
	for (const workflow of workflows) await createWorkflow(editor, workflow);
	return workflows.map((workflow) => workflow.id);
}

function okOrThrow(workflowId: string, execution: ExecuteResult): ExecutionJson {
	if (!execution.ok || !execution.result) {
		throw new Error(`workflow ${workflowId} did not succeed\n${describeExecution(execution)}`);
	}
	return execution.result;
}

/**
 * A simulator on a free port and a fresh n8n user folder with the packed package installed, the
 * simulator credential (`useapiSimulator`) and the given workflows imported by n8n's CLI. With
 * `server` (and no `server.env`), n8n starts first and the credential (then of an id n8n gives
 * it) and the workflows are saved through its REST API. With `shared`, the same in the shared
 * server. Set
 * PIXVERSE_E2E_KEEP=1 to keep the user folder after tearDown for a look at its database.
 */
export async function setUpN8nTestEnvironment(options: N8nTestOptions = {}): Promise<N8nTestEnvironment> {
	if (options.shared && sharedN8nServerInfo()) return setUpInSharedServer(options);
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

		const userFolder = await freshUserFolder(packed);
		cleanups.push(() => {
			if (process.env.PIXVERSE_E2E_KEEP) console.log(`kept n8n user folder ${userFolder}`);
			else rmSync(userFolder, { recursive: true, force: true });
		});

		const instance: N8nInstance = { runtime, userFolder };
		let credential: CredentialRef;
		let importMore: (sources: WorkflowSource[]) => Promise<string[]>;
		let server: TestServer | undefined;
		let editor: EditorSession | undefined;
		const wantsServer = Boolean(options.server || options.shared);
		if (wantsServer && !options.server?.env) {
			// The server first; then the credential and workflows through its REST API, which costs
			// no n8n process per import.
			const started = await startN8nServer(instance, { port: await freePort(), env: options.server?.env });
			cleanups.push(() => started.stop());
			server = started;
			const session = await signInAsOwner(started.url);
			editor = session;
			const { name, type, data } = simulatorCredential(simulator.url);
			credential = await createCredential(session, { name: `${name} ${simulator.url}`, type, data });
			const created = credential;
			importMore = (sources) => createWorkflows(session, sources, created);
			await importMore(options.workflows ?? []);
			for (const id of options.server?.publish ?? []) await publishSavedWorkflow(session, id);
		} else {
			const imported = simulatorCredential(simulator.url);
			await importCredentials(instance, [imported]);
			credential = { id: imported.id, name: imported.name };
			importMore = (sources) => importWorkflows(instance, sources.map(resolveSource));
			await importMore(options.workflows ?? []);
			if (wantsServer) {
				// A server with settings of the caller's (such as an owner of its own, which the
				// harness cannot sign in as): imported and published before it starts, no editor.
				for (const id of options.server?.publish ?? []) await publishWorkflow(instance, id);
				const started = await startN8nServer(instance, { port: await freePort(), env: options.server?.env });
				cleanups.push(() => started.stop());
				server = started;
			}
		}

		const execute = (workflowId: string, executeOptions?: ExecuteOptions) =>
			executeWorkflow(instance, workflowId, executeOptions);
		const executeOk = async (workflowId: string, executeOptions?: ExecuteOptions) =>
			okOrThrow(workflowId, await execute(workflowId, executeOptions));
		return {
			simulator,
			instance,
			userFolder,
			packed,
			credential,
			server,
			editor,
			execute,
			executeOk,
			importWorkflows: importMore,
			tearDown,
		};
	} catch (error) {
		await tearDown();
		throw error;
	}
}

/** The test file's part of the shared server: its simulator, credential and workflows. */
async function setUpInSharedServer(options: N8nTestOptions): Promise<N8nTestEnvironment> {
	const info = sharedN8nServerInfo()!;
	if (options.server?.env) throw new Error('the shared n8n server runs with the environment the global setup gave it; leave out `shared` to pass `server.env`');
	const runtime = await ensureN8nRuntime();
	const packed = await packedPackage();
	const published: string[] = [];
	let editor: EditorSession | undefined;
	let simulator: Simulator | undefined;
	const tearDown = async () => {
		// The workflows stay in the shared database; unpublished, they no longer poll or listen.
		for (const id of published.splice(0)) await unpublishWorkflow(editor!, id).catch(() => undefined);
		await simulator?.close();
		simulator = undefined;
	};
	try {
		simulator = await startSimulator({ ...options.simulator, port: 0 });
		await waitForSharedN8nServer(info);
		const session = await signInAsOwner(info.url);
		editor = session;
		const { name, type, data } = simulatorCredential(simulator.url);
		const credential = await createCredential(session, { name: `${name} ${simulator.url}`, type, data });
		const importMore = (sources: WorkflowSource[]) => createWorkflows(session, sources, credential);
		await importMore(options.workflows ?? []);
		for (const id of options.server?.publish ?? []) {
			await publishSavedWorkflow(session, id);
			published.push(id);
		}

		const execute = async (workflowId: string, executeOptions: ExecuteOptions = {}) => {
			if (executeOptions.env || executeOptions.onSpawn) throw new Error('a run in the shared n8n server has no process of its own to give an environment');
			return runWorkflowManually(session, workflowId, executeOptions.timeoutMs);
		};
		const executeOk = async (workflowId: string, executeOptions?: ExecuteOptions) =>
			okOrThrow(workflowId, await execute(workflowId, executeOptions));
		const server: TestServer = {
			url: info.url,
			port: info.port,
			logs: () => sharedServerLogs(info),
			stop: () => Promise.reject(new Error('the shared n8n server is stopped by the global teardown')),
		};
		return {
			simulator,
			instance: { runtime, userFolder: info.userFolder },
			userFolder: info.userFolder,
			packed,
			credential,
			server,
			editor: session,
			execute,
			executeOk,
			importWorkflows: importMore,
			tearDown,
		};
	} catch (error) {
		await tearDown();
		throw error;
	}
}
