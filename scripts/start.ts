/**
 * `npm start`: the package, built and packed, running in a real n8n at http://localhost:5678
 * against the local simulator on port 4010, with the example workflows imported. Ctrl-C stops
 * both processes it started, and this script ends only once they have ended.
 *
 * Flags (after `npm start --`): `--port <n>` for n8n (default 5678), `--simulator-port <n>`
 * (default 4010), `--user-folder <path>` (default `<cache folder>/demo`; emptied on every start),
 * `--no-build` to pack dist/ as it is.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoOwnerEnvironment, DEMO_OWNER } from './demoOwner';
import {
	cacheFolder,
	createUserFolder,
	ensureN8nRuntime,
	importCredentials,
	importWorkflows,
	type N8nInstance,
	packPackage,
	pipelineFolder,
	PIPELINE_EXAMPLE,
	pipelineWorkflow,
	readWorkflow,
	runCommandOrThrow,
	simulatorCredential,
	SIMULATOR_TOKEN,
	startN8nServer,
	startSimulatorProcess,
} from './n8n';
import { stopBackgroundProcesses } from './n8n/childProcess';

const REPO = resolve(__dirname, '..');

function port(value: string | undefined, fallback: number, flag: string): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1 || number > 65535) throw new Error(`${flag} needs a port number, not "${value}"`);
	return number;
}

const { values: flags } = parseArgs({
	options: {
		port: { type: 'string' },
		'simulator-port': { type: 'string' },
		'user-folder': { type: 'string' },
		'no-build': { type: 'boolean', default: false },
	},
});
const N8N_PORT = port(flags.port, 5678, '--port');
const SIMULATOR_PORT = port(flags['simulator-port'], 4010, '--simulator-port');
const USER_FOLDER = resolve(flags['user-folder'] ?? join(cacheFolder(), 'demo'));
const N8N_URL = `http://localhost:${N8N_PORT}`;

interface Started {
	name: string;
	stop(): Promise<void>;
}

const started: Started[] = [];
let stopping = false;

function say(line: string): void {
	console.log(`[start] ${line}`);
}

/**
 * Stops what was started, the last first, each with SIGTERM and, if it is still running after its
 * grace period (n8n 20 s, the simulator 5 s), SIGKILL of it and all it started; then exits.
 * Processes still starting up are stopped too. A second signal while stopping changes nothing.
 */
async function stopAll(exitCode: number): Promise<void> {
	if (stopping) return;
	stopping = true;
	let code = exitCode;
	for (const process of [...started].reverse()) {
		say(`stopping ${process.name}`);
		await process.stop().catch((error: Error) => {
			console.error(`[start] ${error.message}`);
			code = 1;
		});
	}
	await stopBackgroundProcesses().catch((error: Error) => {
		console.error(`[start] ${error.message}`);
		code = 1;
	});
	say('stopped');
	process.exit(code);
}

function exampleFiles(): string[] {
	const folder = join(REPO, 'examples');
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => join(folder, name));
}

async function main(): Promise<void> {
	// Ctrl-C, kill, and a closed terminal. The stop starts on the next turn of the event loop: run
	// under the tsx CLI (`npx tsx scripts/start.ts`), this process must first tell tsx that it got
	// the signal, or tsx kills it with SIGKILL after 60 ms (`npm start` runs it without that CLI).
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => setTimeout(() => void stopAll(0), 50));
	}

	if (flags['no-build']) {
		say('packing dist/ as it is (--no-build)');
	} else {
		say('building the package (npm run build)');
		await runCommandOrThrow('npm', ['run', 'build'], { cwd: REPO });
	}

	const packFolder = mkdtempSync(join(tmpdir(), 'pixverse-pack-'));
	const packed = await packPackage(REPO, packFolder);
	say(`packed ${packed.name}@${packed.version} (${packed.files.length} files)`);

	const runtime = await ensureN8nRuntime();

	if (stopping) return;
	const simulator = await startSimulatorProcess({
		repoFolder: REPO,
		port: SIMULATOR_PORT,
		onLine: (line) => console.log(`simulator | ${line}`),
	});
	started.push({ name: `the simulator (pid ${simulator.pid}; forced after 5 s)`, stop: simulator.stop });
	say(`simulator listening on ${simulator.url}`);

	// Re-created on every start so n8n loads the package just built.
	const userFolder = await createUserFolder({ tarball: packed.tarball, folder: USER_FOLDER });
	rmSync(packFolder, { recursive: true, force: true });
	const instance: N8nInstance = { runtime, userFolder };
	await importCredentials(instance, [simulatorCredential(simulator.url)]);
	// The pipeline example reads and writes files: here in the demo's own folder, which n8n is let use.
	const filesFolder = join(userFolder, 'files');
	const pipelinePaths = pipelineFolder(filesFolder);
	const examples = exampleFiles().map((file) => (basename(file, '.json') === PIPELINE_EXAMPLE ? pipelineWorkflow(file, pipelinePaths) : file));
	await importWorkflows(instance, examples);
	const workflowNames = examples.map((example) => readWorkflow(example).name);

	if (stopping) return;
	say(`starting n8n on port ${N8N_PORT} (user folder ${userFolder})`);
	const server = await startN8nServer(instance, {
		port: N8N_PORT,
		webhookUrl: `${N8N_URL}/`,
		env: { ...demoOwnerEnvironment(), N8N_SECURE_COOKIE: 'false', N8N_RESTRICT_FILE_ACCESS_TO: filesFolder },
		onLine: (line) => console.log(`n8n | ${line}`),
	});
	started.push({ name: `n8n (pid ${server.pid}; forced after 20 s)`, stop: server.stop });
	void server.process.exited.then((code) => {
		if (stopping) return;
		say(`n8n exited on its own (code ${code})`);
		void stopAll(1);
	});

	console.log(
		[
			'',
			`  n8n with ${packed.name} is running: open ${N8N_URL}`,
			`  sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
			`  credential "useapi.net (local simulator)" points at ${simulator.url} (token ${SIMULATOR_TOKEN})`,
			workflowNames.length > 0
				? `  example workflows: ${workflowNames.join(', ')}`
				: '  no example workflows found in examples/',
			`  the CSV pipeline example reads ${pipelinePaths.csvPath} and writes to ${pipelinePaths.outputFolder}`,
			'  Ctrl-C stops n8n and the simulator (at most about 25 s).',
			'',
		].join('\n'),
	);
}

main().catch(async (error: Error) => {
	console.error(`[start] ${error.message}`);
	await stopAll(1);
});
