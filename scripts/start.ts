/**
 * `npm start`: the package, built and packed, running in a real n8n at http://localhost:5678
 * against the local simulator on port 4010, with the example workflows imported. Ctrl-C stops
 * both processes it started.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoOwnerEnvironment, DEMO_OWNER } from './demoOwner';
import {
	cacheFolder,
	createUserFolder,
	ensureN8nRuntime,
	importCredentials,
	importWorkflows,
	type N8nInstance,
	packPackage,
	readWorkflow,
	runCommandOrThrow,
	simulatorCredential,
	SIMULATOR_TOKEN,
	startN8nServer,
	startSimulatorProcess,
} from './n8n';

const REPO = resolve(__dirname, '..');
const N8N_PORT = 5678;
const SIMULATOR_PORT = 4010;
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

async function stopAll(exitCode: number): Promise<never> {
	if (!stopping) {
		stopping = true;
		for (const process of [...started].reverse()) {
			say(`stopping ${process.name}`);
			await process.stop();
		}
	}
	process.exit(exitCode);
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
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));

	say('building the package (npm run build)');
	await runCommandOrThrow('npm', ['run', 'build'], { cwd: REPO });

	const packFolder = mkdtempSync(join(tmpdir(), 'pixverse-pack-'));
	const packed = await packPackage(REPO, packFolder);
	say(`packed ${packed.name}@${packed.version} (${packed.files.length} files)`);

	const runtime = await ensureN8nRuntime();

	const simulator = await startSimulatorProcess({
		repoFolder: REPO,
		port: SIMULATOR_PORT,
		onLine: (line) => console.log(`simulator | ${line}`),
	});
	started.push({ name: `the simulator (pid ${simulator.pid})`, stop: simulator.stop });
	say(`simulator listening on ${simulator.url}`);

	// Re-created on every start so n8n loads the package just built.
	const userFolder = await createUserFolder({ tarball: packed.tarball, folder: join(cacheFolder(), 'demo') });
	rmSync(packFolder, { recursive: true, force: true });
	const instance: N8nInstance = { runtime, userFolder };
	await importCredentials(instance, [simulatorCredential(simulator.url)]);
	const examples = exampleFiles();
	await importWorkflows(instance, examples);
	const workflowNames = examples.map((file) => readWorkflow(file).name);

	say(`starting n8n on port ${N8N_PORT} (user folder ${userFolder})`);
	const server = await startN8nServer(instance, {
		port: N8N_PORT,
		webhookUrl: `${N8N_URL}/`,
		env: { ...demoOwnerEnvironment(), N8N_SECURE_COOKIE: 'false' },
		onLine: (line) => console.log(`n8n | ${line}`),
	});
	started.push({ name: `n8n (pid ${server.pid})`, stop: server.stop });
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
			'  Ctrl-C stops n8n and the simulator.',
			'',
		].join('\n'),
	);
}

main().catch(async (error: Error) => {
	console.error(`[start] ${error.message}`);
	await stopAll(1);
});
