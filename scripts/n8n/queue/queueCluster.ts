import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackgroundProcess } from '../childProcess';
import { ensureN8nRuntime } from '../ensureRuntime';
import { freePort } from '../freePort';
import { type CredentialToImport, importCredentials, importWorkflows, type WorkflowSource } from '../importData';
import { type N8nInstance, runN8n } from '../n8nCli';
import { describeFailure } from '../runCommand';
import { N8N_VERSION } from '../runtimePaths';
import { startN8nProcess, startN8nServer } from '../n8nServer';
import { createUserFolder } from '../userFolder';
import { ensureDebianPrograms } from './debianPackages';
import { POSTGRES_PROGRAMS, type PostgresServer, startPostgres } from './postgresServer';
import { REDIS_SERVER, type RedisServer, startRedis } from './redisServer';

export interface QueueClusterOptions {
	/** The packed package (packPackage / packedPackage) installed into the shared user folder. */
	tarball: string;
	/** A list, or a function of the cluster's Redis (for credentials of n8n's Redis node). */
	credentials?: CredentialToImport[] | ((redis: RedisServer) => CredentialToImport[]);
	workflows?: WorkflowSource[];
	/** Workflow ids to publish before the processes start. */
	publish?: string[];
	/** Default 2. */
	workers?: number;
	/** Default 2. */
	webhookProcesses?: number;
	/** `n8n worker --concurrency`, default 10. */
	workerConcurrency?: number;
	/** More environment for every n8n process. */
	env?: NodeJS.ProcessEnv;
	/** How long each n8n process may take to get ready; default 10 minutes (five n8n processes on two busy cores are slow). */
	readyTimeoutMs?: number;
	log?: (line: string) => void;
}

export interface QueueProcess {
	/** `main`, `worker 1`, `webhook 2`, … */
	name: string;
	/** Port of its HTTP server (a worker's: its health check). */
	port: number;
	/** http://127.0.0.1:<port> */
	url: string;
	pid(): number;
	logs(): string;
}

export interface QueueCluster {
	/** For n8n CLI commands against the cluster's database (import, publish, execute). */
	instance: N8nInstance;
	postgres: PostgresServer;
	redis: RedisServer;
	main: QueueProcess;
	workers: QueueProcess[];
	webhooks: QueueProcess[];
	/** N8N_WEBHOOK_URL of every process: the first webhook process. */
	webhookUrl: string;
	/** Stops the given n8n processes (by pid; every one when none is given) and starts them again on the same ports. */
	restart(processes?: QueueProcess[]): Promise<void>;
	/**
	 * Ends one n8n process at once with SIGKILL, as `kill -9` or the OOM killer does: it cleans
	 * nothing up. Resolves once it has exited; restart() starts it again (and ends what it left).
	 */
	kill(process: QueueProcess): Promise<void>;
	/** Stops everything it started and removes the user folder and the database folder. */
	stop(): Promise<void>;
}

interface Member extends QueueProcess {
	start(): Promise<BackgroundProcess>;
	running?: BackgroundProcess;
}

/**
 * n8n in queue mode on this machine: Postgres and Redis (Debian packages, installed by apt-get
 * when missing and running as root), one `n8n start`, `workers` × `n8n worker` and
 * `webhookProcesses` × `n8n webhook`, all on free loopback ports and sharing one user folder with
 * the packed package. Every process gets N8N_WEBHOOK_URL: workers build `$execution.resumeUrl`.
 */
export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const log = options.log ?? ((line: string) => console.log(`[queue cluster] ${line}`));
	await ensureDebianPrograms([...POSTGRES_PROGRAMS, REDIS_SERVER], log);
	const cleanups: Array<() => Promise<void> | void> = [];
	const members: Member[] = [];
	const stopProcesses = async (chosen = members) => {
		await Promise.all(chosen.map((member) => member.running?.stop()));
		for (const member of chosen) member.running = undefined;
	};
	const stop = async () => {
		await stopProcesses();
		for (const cleanup of cleanups.reverse()) await cleanup();
		cleanups.length = 0;
	};
	try {
		const started = Date.now();
		const [runtime, redis, userFolder] = await Promise.all([
			ensureN8nRuntime(),
			startRedis().then((server) => (cleanups.push(() => server.stop()), server)),
			createUserFolder({ tarball: options.tarball }).then((folder) => (cleanups.push(() => rmSync(folder, { recursive: true, force: true })), folder)),
		]);
		const databaseEnv = (postgres: PostgresServer): NodeJS.ProcessEnv => ({
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
		});
		// n8n's migrations take a minute or more on Postgres: they run once per n8n version, into a
		// data folder kept in the cache folder, which every later cluster starts from.
		const postgres = await startPostgres({
			template: {
				folder: join(runtime.cacheFolder, `postgres-n8n-${N8N_VERSION}`),
				prepare: async (fresh) => {
					const result = await runN8n({ runtime, userFolder, env: databaseEnv(fresh) }, ['list:workflow'], { timeoutMs: 600_000 });
					if (result.exitCode !== 0) throw new Error(`n8n's migrations on Postgres failed: ${describeFailure(result)}`);
				},
			},
		});
		cleanups.push(() => postgres.stop());
		const ports = { main: await freePort(), workers: [] as number[], webhooks: [] as number[] };
		for (let i = 0; i < (options.workers ?? 2); i++) ports.workers.push(await freePort());
		for (let i = 0; i < (options.webhookProcesses ?? 2); i++) ports.webhooks.push(await freePort());
		if (ports.webhooks.length === 0) throw new Error('a queue cluster needs at least one webhook process');
		const webhookUrl = `http://127.0.0.1:${ports.webhooks[0]}/`;
		const instance: N8nInstance = {
			runtime,
			userFolder,
			env: {
				...databaseEnv(postgres),
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				N8N_WEBHOOK_URL: webhookUrl,
				// Published workflows are active when a process says it is ready (see startN8nServer).
				N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
				...options.env,
			},
		};
		log(`Postgres on ${postgres.port}, Redis on ${redis.port}, user folder ready (${Date.now() - started} ms)`);

		const credentials = typeof options.credentials === 'function' ? options.credentials(redis) : (options.credentials ?? []);
		await importCredentials(instance, credentials);
		await importWorkflows(instance, options.workflows ?? []);
		await publishInDatabase(postgres, options.publish ?? []);
		log(`imported and published (${Date.now() - started} ms)`);

		const readyTimeoutMs = options.readyTimeoutMs ?? 600_000;
		const member = (name: string, port: number, start: () => Promise<BackgroundProcess>): Member => {
			const entry: Member = {
				name,
				port,
				url: `http://127.0.0.1:${port}`,
				pid: () => entry.running?.pid ?? 0,
				logs: () => entry.running?.logs() ?? '',
				start,
			};
			members.push(entry);
			return entry;
		};
		const main = member('main', ports.main, async () => {
			const server = await startN8nServer(instance, { port: ports.main, webhookUrl, readyTimeoutMs });
			return server.process;
		});
		const workers = ports.workers.map((port, index) =>
			member(`worker ${index + 1}`, port, () =>
				startN8nProcess(instance, {
					args: ['worker', `--concurrency=${options.workerConcurrency ?? 10}`],
					readyLine: 'n8n worker is now ready',
					what: `n8n worker ${index + 1}`,
					readyTimeoutMs,
					// A worker's own server (health check) defaults to port 5678 on every interface.
					env: { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
				}),
			),
		);
		const webhooks = ports.webhooks.map((port, index) =>
			member(`webhook ${index + 1}`, port, () =>
				startN8nProcess(instance, {
					args: ['webhook'],
					readyLine: 'Webhook listener waiting for requests.',
					what: `n8n webhook ${index + 1}`,
					readyTimeoutMs,
					env: { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
				}),
			),
		);
		const startProcesses = async (chosen = members) => {
			const results = await Promise.allSettled(chosen.map(async (entry) => (entry.running = await entry.start())));
			const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
			if (failed) throw failed.reason;
		};
		await startProcesses();
		log(`main, ${workers.length} workers and ${webhooks.length} webhook processes ready (${Date.now() - started} ms)`);
		return {
			instance,
			postgres,
			redis,
			main,
			workers,
			webhooks,
			webhookUrl,
			restart: async (processes) => {
				const chosen = processes ? members.filter((member) => processes.some((process) => process.name === member.name)) : members;
				await stopProcesses(chosen);
				await startProcesses(chosen);
			},
			kill: async (process) => {
				const running = members.find((member) => member.name === process.name)?.running;
				if (!running) throw new Error(`${process.name} is not running`);
				running.child.kill('SIGKILL');
				await running.exited;
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * What `n8n publish:workflow --id` does (its current version becomes the active one), for all ids
 * in one SQL statement instead of one n8n start each. Processes started afterwards activate them.
 */
async function publishInDatabase(postgres: PostgresServer, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	const list = ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
	const published = await postgres.query(`UPDATE workflow_entity SET active = true, "activeVersionId" = "versionId" WHERE id IN (${list}) RETURNING id`);
	const missing = ids.filter((id) => !published.includes(id));
	if (missing.length) throw new Error(`cannot publish workflows that were not imported: ${missing.join(', ')}`);
}
