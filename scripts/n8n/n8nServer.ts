import { type BackgroundProcess, startBackgroundProcess, waitUntil } from './childProcess';
import { type N8nInstance, n8nProcessSetup, runN8n } from './n8nCli';
import { describeFailure } from './runCommand';

export interface N8nServerOptions {
	port: number;
	/** Default 127.0.0.1 (not reachable from other machines). */
	listenAddress?: string;
	/** Public base URL for webhook and resume URLs; default `http://127.0.0.1:<port>/`. */
	webhookUrl?: string;
	env?: NodeJS.ProcessEnv;
	/** Default 180 s. */
	readyTimeoutMs?: number;
	onLine?: (line: string) => void;
}

export interface N8nServer {
	url: string;
	port: number;
	pid: number;
	process: BackgroundProcess;
	logs(): string;
	stop(): Promise<void>;
}

const READY_LINE = 'Editor is now accessible';

export interface N8nProcessOptions {
	/** The CLI command and its flags, e.g. `['worker', '--concurrency=10']`. */
	args: string[];
	/** The log line that says the process is ready. */
	readyLine: string;
	/** For messages, e.g. `n8n worker 1`. */
	what: string;
	env?: NodeJS.ProcessEnv;
	/** Default 180 s. */
	readyTimeoutMs?: number;
	onLine?: (line: string) => void;
}

/** A long-running n8n command in the background, resolved once it logs `readyLine`; stopped by its pid. */
export async function startN8nProcess(instance: N8nInstance, options: N8nProcessOptions): Promise<BackgroundProcess> {
	const setup = await n8nProcessSetup(instance, { N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10', ...options.env });
	let ready = false;
	const child = startBackgroundProcess(instance.runtime.nodeBin, [instance.runtime.n8nBin, ...options.args], {
		...setup,
		onLine: (line) => {
			if (line.includes(options.readyLine)) ready = true;
			options.onLine?.(line);
		},
	});
	try {
		await waitUntil(child, () => ready, options.what, options.readyTimeoutMs ?? 180_000);
	} catch (error) {
		await child.stop();
		throw error;
	}
	return child;
}

/**
 * `n8n start` in the background. Resolves once n8n logs that the editor is accessible (its
 * readiness endpoint answers earlier), by which time published workflows are active.
 */
export async function startN8nServer(instance: N8nInstance, options: N8nServerOptions): Promise<N8nServer> {
	const server = await startN8nProcess(instance, {
		args: ['start'],
		readyLine: READY_LINE,
		what: `n8n start on port ${options.port}`,
		readyTimeoutMs: options.readyTimeoutMs,
		onLine: options.onLine,
		env: {
			N8N_PORT: String(options.port),
			N8N_LISTEN_ADDRESS: options.listenAddress ?? '127.0.0.1',
			N8N_WEBHOOK_URL: options.webhookUrl ?? `http://127.0.0.1:${options.port}/`,
			// n8n 2.41's publication service activates published workflows in the background, after
			// the ready line; the older path activates them before it, so webhooks answer at once.
			N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
			...options.env,
		},
	});
	return {
		url: `http://127.0.0.1:${options.port}`,
		port: options.port,
		pid: server.pid,
		process: server,
		logs: server.logs,
		stop: () => server.stop(),
	};
}

/**
 * Activates a workflow (2.x calls it publishing). Run it before startN8nServer: a running
 * server registers the webhooks of workflows that were published when it started.
 */
export async function publishWorkflow(instance: N8nInstance, workflowId: string): Promise<void> {
	const result = await runN8n(instance, ['publish:workflow', `--id=${workflowId}`]);
	if (result.exitCode !== 0) throw new Error(`publishing workflow ${workflowId} failed: ${describeFailure(result)}`);
}
