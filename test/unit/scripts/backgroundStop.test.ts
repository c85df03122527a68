import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BackgroundProcess, startBackgroundProcess, waitUntil } from '../../../scripts/n8n/childProcess';
import { waitFor } from '../../../scripts/n8n/waitFor';
import { descendantsOf, processTable, type ProcessEntry, ProcessTree, stillRunning } from '../../../scripts/n8n/processTree';

/**
 * `node fixture.js <role> <mode> [<role>:<mode> ...]` prints `<role> <pid>` once set up. A mode
 * holding `stubborn` ignores SIGINT and SIGTERM (a shutdown that hangs); each further argument
 * is a child it starts first, in a process group of its own when its mode holds `detached`.
 */
const FIXTURE = `
const { spawn } = require('node:child_process');
const [role, mode, ...children] = process.argv.slice(2);
for (const child of children) {
	const [childRole, childMode] = child.split(':');
	spawn(process.execPath, [__filename, childRole, childMode], {
		stdio: ['ignore', 'inherit', 'inherit'],
		detached: childMode.includes('detached'),
	});
}
if (mode.includes('stubborn')) {
	process.on('SIGINT', () => {});
	process.on('SIGTERM', () => {});
}
console.log(role + ' ' + process.pid);
setInterval(() => {}, 1000);
`;

let fixture: string;

beforeAll(() => {
	const folder = mkdtempSync(join(tmpdir(), 'background-stop-'));
	fixture = join(folder, 'fixture.js');
	writeFileSync(fixture, FIXTURE);
});

function start(mode: string, children: string[]): { background: BackgroundProcess; pids: Map<string, number> } {
	const pids = new Map<string, number>();
	const background = startBackgroundProcess(process.execPath, [fixture, 'leader', mode, ...children], {
		onLine: (line) => {
			const [role, pid] = line.split(' ');
			if (pid) pids.set(role, Number(pid));
		},
	});
	return { background, pids };
}

function entries(pids: Iterable<number>, table: ProcessEntry[] = processTable()): ProcessEntry[] {
	const wanted = new Set(pids);
	return table.filter((entry) => wanted.has(entry.pid));
}

const leftOver: ProcessEntry[] = [];

afterEach(() => {
	// Only if a test failed half-way: nothing started here outlives the file.
	for (const entry of stillRunning(leftOver.splice(0))) {
		try {
			process.kill(entry.pid, 'SIGKILL');
		} catch {
			// ended meanwhile
		}
	}
});

describe('stopping a background process', () => {
	it('ends a process that ignores SIGINT and SIGTERM, and the children it started, by SIGKILL after the grace period', async () => {
		const { background, pids } = start('stubborn', ['child:stubborn', 'detached:stubborn-detached']);
		await waitUntil(background, () => pids.size === 3, 'three stubborn processes', 30_000);
		const processes = entries(pids.values());
		leftOver.push(...processes);
		expect(processes).toHaveLength(3);
		// One child shares the leader's group, the detached one leads its own.
		const leader = processes.find((entry) => entry.pid === background.pid)!;
		expect(leader.pgid).toBe(background.pid);
		expect(entries([pids.get('child')!])[0].pgid).toBe(background.pid);
		expect(entries([pids.get('detached')!])[0].pgid).toBe(pids.get('detached'));

		// SIGTERM changes nothing here: only the SIGKILL after the grace period ends them.
		await background.stop(500);

		expect(background.exitSignal()).toBe('SIGKILL');
		expect(stillRunning(processes)).toEqual([]);
	});

	it('lets a process that ends on SIGTERM end by itself, without SIGKILL', async () => {
		const { background, pids } = start('plain', ['child:plain']);
		await waitUntil(background, () => pids.size === 2, 'leader and child', 30_000);
		const processes = entries(pids.values());
		leftOver.push(...processes);

		// A grace period far longer than the test timeout: the stop cannot have come from SIGKILL.
		await background.stop(3_600_000);

		expect(background.exitSignal()).toBe('SIGTERM');
		expect(stillRunning(processes)).toEqual([]);
	});

	it('finds the processes below a process in the process table', async () => {
		const { background, pids } = start('plain', ['child:plain', 'detached:detached']);
		await waitUntil(background, () => pids.size === 3, 'leader and two children', 30_000);
		leftOver.push(...entries(pids.values()));

		const below = descendantsOf([background.pid]).map((entry) => entry.pid);

		expect(below).toEqual(expect.arrayContaining([pids.get('child'), pids.get('detached')]));
		// The detached child is outside the group that SIGTERM goes to: it ends by SIGKILL.
		await background.stop(500);
		expect(stillRunning(entries(pids.values()))).toEqual([]);
	});

	it('leaves alone a process that got the pid of one that has ended (same pid, other start time)', async () => {
		const { background, pids } = start('plain', []);
		await waitUntil(background, () => pids.size === 1, 'leader', 30_000);
		const processes = entries(pids.values());
		leftOver.push(...processes);
		// A tree made for an earlier process with this pid, as a guardian could still hold one.
		const earlier = new ProcessTree(background.pid, 'an earlier start time');

		expect(earlier.running()).toEqual([]);
		await earlier.stop(0);

		expect(stillRunning(processes)).toHaveLength(1);
		await background.stop();
		expect(stillRunning(processes)).toEqual([]);
	});

	it('is finished by the guardian when the process that started it dies by SIGKILL', async () => {
		// A starter that starts a stubborn process (500 ms grace) and is then killed outright.
		const childProcessModule = join(__dirname, '..', '..', '..', 'scripts', 'n8n', 'childProcess.ts');
		const starterCode = `
			const { startBackgroundProcess } = require(${JSON.stringify(childProcessModule)});
			startBackgroundProcess(process.execPath, [${JSON.stringify(fixture)}, 'stubborn', 'stubborn'], {
				graceMs: 500,
				onLine: (line) => console.log(line),
			});
			setInterval(() => {}, 1000);
		`;
		const starter = spawn(process.execPath, ['--import', 'tsx', '-e', starterCode], { stdio: ['ignore', 'pipe', 'inherit'] });
		let stubbornPid = 0;
		starter.stdout.on('data', (chunk: Buffer) => {
			const match = /stubborn (\d+)/.exec(chunk.toString('utf8'));
			if (match) stubbornPid = Number(match[1]);
		});
		await waitFor('the stubborn process to start', async () => (stubbornPid > 0 ? true : undefined), 30_000);
		const stubborn = entries([stubbornPid]);
		leftOver.push(...stubborn);
		expect(stubborn).toHaveLength(1);

		starter.kill('SIGKILL');

		await waitFor('the stubborn process to end', async () => (stillRunning(stubborn).length === 0 ? true : undefined), 30_000);
		expect(stillRunning(stubborn)).toEqual([]);
	});
});
