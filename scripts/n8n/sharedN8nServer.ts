import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signInAsOwner } from './editorSession';
import { ensureN8nRuntime } from './ensureRuntime';
import { freePort } from './freePort';
import type { N8nInstance } from './n8nCli';
import { type N8nServer, startN8nServer } from './n8nServer';
import type { PackedPackage } from './packPackage';
import { freshUserFolder } from './userFolderTemplate';
import { waitFor } from './waitFor';

/** Set by the e2e global setup: the n8n server that test files share (JSON of SharedN8nServerInfo). */
export const SHARED_SERVER_ENV = 'PIXVERSE_E2E_SERVER';

/** What a test process needs to use the shared server; it passes between processes as JSON. */
export interface SharedN8nServerInfo {
	url: string;
	port: number;
	/** The server's user folder: its database and the binaries of its executions. */
	userFolder: string;
	/** Written once the server is ready and its owner is set up: `ready`, or `failed: <why>`. */
	readyFile: string;
	/** The server's output. */
	logFile: string;
}

export interface SharedN8nServer {
	info: SharedN8nServerInfo;
	/** Stops the server (once it has started) and removes its user folder. */
	stop(): Promise<void>;
}

/**
 * `n8n start` on a fresh user folder with the packed package installed (a copy of the run's user
 * folder template when there is one), in the background: this resolves as soon as the process is
 * on its way, so that test files which do not use it run meanwhile. Those that do wait for
 * `readyFile` (see waitForSharedN8nServer). The owner account is set up once it is ready.
 */
export async function startSharedN8nServer(packed: PackedPackage): Promise<SharedN8nServer> {
	const runtime = await ensureN8nRuntime();
	const userFolder = await freshUserFolder(packed);
	const port = await freePort();
	const info: SharedN8nServerInfo = {
		url: `http://127.0.0.1:${port}`,
		port,
		userFolder,
		readyFile: join(userFolder, 'server-ready'),
		logFile: join(userFolder, 'server.log'),
	};
	writeFileSync(info.logFile, '');
	// Written whole, then renamed: a reader never sees it half-written.
	const announce = (state: string) => {
		writeFileSync(`${info.readyFile}.tmp`, state);
		renameSync(`${info.readyFile}.tmp`, info.readyFile);
	};
	const instance: N8nInstance = { runtime, userFolder };
	const starting: Promise<N8nServer | undefined> = startN8nServer(instance, {
		port,
		// Only guards a hang: on a busy machine n8n has taken minutes to start.
		readyTimeoutMs: 600_000,
		onLine: (line) => appendFileSync(info.logFile, `${line}\n`),
	}).then(
		async (server) => {
			try {
				// The owner, set up once here: test files then only sign in.
				await signInAsOwner(server.url);
				announce('ready');
			} catch (error) {
				announce(`failed: ${(error as Error).message}`);
			}
			return server;
		},
		(error: Error) => {
			announce(`failed: ${error.message}`);
			return undefined;
		},
	);
	return {
		info,
		stop: async () => {
			await (await starting)?.stop();
			if (process.env.PIXVERSE_E2E_KEEP) console.log(`kept the shared n8n user folder ${userFolder}`);
			else rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** The shared server the global setup announced, or undefined when there is none. */
export function sharedN8nServerInfo(): SharedN8nServerInfo | undefined {
	const fromSetup = process.env[SHARED_SERVER_ENV];
	return fromSetup ? (JSON.parse(fromSetup) as SharedN8nServerInfo) : undefined;
}

/** The last lines of the shared server's output, for failure messages. */
export function sharedServerLogs(info: SharedN8nServerInfo): string {
	return existsSync(info.logFile) ? readFileSync(info.logFile, 'utf8') : '';
}

/** Waits until the shared server is ready; throws with its output if it failed to start. */
export async function waitForSharedN8nServer(info: SharedN8nServerInfo, timeoutMs = 600_000): Promise<void> {
	const state = await waitFor(
		`the shared n8n server on ${info.url}`,
		async () => (existsSync(info.readyFile) ? readFileSync(info.readyFile, 'utf8') : undefined),
		timeoutMs,
	);
	if (state !== 'ready') throw new Error(`the shared n8n server did not start: ${state}\n${sharedServerLogs(info).slice(-8000)}`);
}
