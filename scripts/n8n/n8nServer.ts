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

/**
 * `n8n start` in the background. Resolves once n8n logs that the editor is accessible (its
 * readiness endpoint answers earlier), by which time published workflows are active.
 */
export async function startN8nServer(instance: N8nInstance, options: N8nServerOptions): Promise<N8nServer> {
	const listenAddress = options.listenAddress ?? '127.0.0.1';
	const setup = await n8nProcessSetup(instance, {
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: listenAddress,
		N8N_WEBHOOK_URL: options.webhookUrl ?? `http://127.0.0.1:${options.port}/`,
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		// n8n 2.41's publication service activates published workflows in the background, after
		// the ready line; the older path activates them before it, so webhooks answer at once.
		N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
		...options.env,
	});
	let ready = false;
	const server = startBackgroundProcess(instance.runtime.nodeBin, [instance.runtime.n8nBin, 'start'], {
		...setup,
		onLine: (line) => {
			if (line.includes(READY_LINE)) ready = true;
			options.onLine?.(line);
		},
	});
	try {
		await waitUntil(server, () => ready, `n8n start on port ${options.port}`, options.readyTimeoutMs ?? 180_000);
	} catch (error) {
		await server.stop();
		throw error;
	}
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
