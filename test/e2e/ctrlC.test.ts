/**
 * Ctrl-C on `npm start`, sent the way a terminal sends it: SIGINT to the whole foreground
 * process group (npm, the shell, tsx and the start script). n8n, its task runner and the
 * simulator have ended by the time `npm start` exits, every other process the run started ends,
 * and the two ports are free again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO_ROOT, waitFor } from '../../scripts/n8n';
import { descendantsOf, processKey, processTable, type ProcessEntry, stillRunning } from '../../scripts/n8n/processTree';

const RUN_MARKER = 'PIXVERSE_CTRL_C_RUN';

function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
	} catch {
		return '';
	}
}

function carriesMarker(pid: number, marker: string): boolean {
	try {
		return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${RUN_MARKER}=${marker}`);
	} catch {
		return false;
	}
}

/** True when nothing listens on 127.0.0.1:<port>. */
function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * Every process of the run seen so far: those below `npm start` and those that carry the run's
 * marker in their environment (it survives a process being adopted by another parent).
 */
class RunProcesses {
	readonly all = new Map<string, ProcessEntry>();
	readonly servers = new Map<string, ProcessEntry>();

	constructor(
		private readonly rootPid: number,
		private readonly marker: string,
	) {}

	refresh(): void {
		const table = processTable();
		const found = [
			...descendantsOf([this.rootPid], table),
			...table.filter((entry) => entry.pid === this.rootPid || carriesMarker(entry.pid, this.marker)),
		];
		for (const entry of found) {
			if (entry.zombie) continue;
			this.all.set(processKey(entry), entry);
		}
		// n8n (run as `node <cache>/n8n/node_modules/n8n/bin/n8n start`), the simulator, and what they started.
		const serverRoots = [...this.all.values()].filter((entry) => {
			const command = commandLine(entry.pid);
			return command.includes('/n8n/bin/n8n start') || command.includes('simulator/main.ts');
		});
		for (const entry of [...serverRoots, ...descendantsOf(serverRoots.map((root) => root.pid), table)]) {
			if (!entry.zombie) this.servers.set(processKey(entry), entry);
		}
	}

	describe(entries: ProcessEntry[]): string {
		return entries.map((entry) => `${entry.pid} ${commandLine(entry.pid)}`).join('\n');
	}
}

describe('Ctrl-C on npm start', () => {
	let run: ChildProcess | undefined;
	let processes: RunProcesses | undefined;
	let userFolder: string | undefined;

	afterAll(() => {
		// Only when the test failed half-way: end what this test started.
		if (processes) {
			processes.refresh();
			for (const entry of stillRunning(processes.all.values())) {
				try {
					process.kill(entry.pid, 'SIGKILL');
				} catch {
					// ended meanwhile
				}
			}
		}
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	it('ends n8n, its task runner and the simulator before npm start exits, and frees both ports', async () => {
		const n8nPort = await freePort();
		let simulatorPort = await freePort();
		while (simulatorPort === n8nPort) simulatorPort = await freePort();
		userFolder = mkdtempSync(join(tmpdir(), 'pixverse-ctrl-c-'));
		const marker = `${process.pid}-${n8nPort}`;

		// Its own process group, like a job a shell runs in the foreground. The test's run of
		// `npm run test:e2e` has just built dist/, so the run packs it as it is.
		run = spawn(
			'npm',
			['start', '--', '--port', String(n8nPort), '--simulator-port', String(simulatorPort), '--user-folder', userFolder, '--no-build'],
			{ cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [RUN_MARKER]: marker } },
		);
		const rootPid = run.pid!;
		processes = new RunProcesses(rootPid, marker);
		let output = '';
		run.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		run.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		let exitCode: number | null | undefined;
		const exited = new Promise<void>((resolve) =>
			run!.on('exit', (code) => {
				exitCode = code;
				resolve();
			}),
		);

		const running = processes;
		await waitFor(
			'npm start to say that n8n is running',
			async () => {
				running.refresh();
				if (exitCode !== undefined) throw new Error(`npm start ended before it was ready (code ${exitCode}):\n${output.slice(-6000)}`);
				return output.includes('is running: open') ? true : undefined;
			},
			540_000,
		);
		running.refresh();

		const servers = [...running.servers.values()];
		const commands = servers.map((entry) => commandLine(entry.pid));
		expect(commands.some((command) => command.includes('/n8n/bin/n8n start'))).toBe(true);
		expect(commands.some((command) => command.includes('simulator/main.ts'))).toBe(true);
		expect(await portIsFree(n8nPort)).toBe(false);
		expect(await portIsFree(simulatorPort)).toBe(false);

		// What a terminal does on Ctrl-C.
		process.kill(-rootPid, 'SIGINT');
		await waitFor('npm start to exit after SIGINT', async () => (exitCode === undefined ? undefined : true), 120_000);
		await exited;

		const serversLeft = stillRunning(servers);
		expect(running.describe(serversLeft)).toBe('');
		expect(await portIsFree(n8nPort)).toBe(true);
		expect(await portIsFree(simulatorPort)).toBe(true);
		expect(output).toContain('[start] stopping n8n');
		expect(output).toContain('[start] stopped');

		// The rest (the guardian, tsx's esbuild service) ends once npm start has gone.
		await waitFor(
			'every process of the run to end',
			async () => {
				running.refresh();
				const marked = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && carriesMarker(Number(name), marker));
				return stillRunning(running.all.values()).length === 0 && marked.length === 0 ? true : undefined;
			},
			60_000,
		).catch((error: Error) => {
			throw new Error(`${error.message}; still running:\n${running.describe(stillRunning(running.all.values()))}`);
		});
		expect(stillRunning(running.all.values())).toEqual([]);
	}, 720_000);
});
