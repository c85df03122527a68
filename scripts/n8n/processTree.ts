import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One process of the machine's process table. */
export interface ProcessEntry {
	pid: number;
	ppid: number;
	/** Process group id. */
	pgid: number;
	/** Ended but not yet reaped by its parent: it holds no port, memory or CPU. */
	zombie: boolean;
	/** With the pid, tells this process from a later one that got the same pid. */
	startTime: string;
}

function linuxEntry(pid: string): ProcessEntry | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// `pid (comm) state ppid pgrp ...`; comm may itself hold spaces and parentheses.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return {
			pid: Number(pid),
			ppid: Number(fields[1]),
			pgid: Number(fields[2]),
			zombie: fields[0] === 'Z' || fields[0] === 'X',
			startTime: fields[19] ?? '',
		};
	} catch {
		return undefined; // ended while the table was read
	}
}

/** Every process of the machine: /proc on Linux, `ps` elsewhere (macOS). */
export function processTable(): ProcessEntry[] {
	if (process.platform === 'linux') {
		return readdirSync('/proc')
			.filter((name) => /^\d+$/.test(name))
			.map(linuxEntry)
			.filter((entry): entry is ProcessEntry => entry !== undefined);
	}
	const output = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat=,lstart='], { encoding: 'utf8' });
	return output
		.split('\n')
		.map((line) => line.trim().split(/\s+/))
		.filter((fields) => fields.length >= 5)
		.map(([pid, ppid, pgid, stat, ...start]) => ({
			pid: Number(pid),
			ppid: Number(ppid),
			pgid: Number(pgid),
			zombie: stat.startsWith('Z'),
			startTime: start.join(' '),
		}));
}

/** The processes below `roots` (children, their children, ...), roots excluded. */
export function descendantsOf(roots: number[], table: ProcessEntry[] = processTable()): ProcessEntry[] {
	const children = new Map<number, ProcessEntry[]>();
	for (const entry of table) {
		const siblings = children.get(entry.ppid) ?? [];
		siblings.push(entry);
		children.set(entry.ppid, siblings);
	}
	const found: ProcessEntry[] = [];
	const seen = new Set<number>(roots);
	const queue = [...roots];
	while (queue.length > 0) {
		for (const child of children.get(queue.shift()!) ?? []) {
			if (seen.has(child.pid)) continue;
			seen.add(child.pid);
			found.push(child);
			queue.push(child.pid);
		}
	}
	return found;
}

/** A key that names one process for its whole life (pid and start time). */
export function processKey(entry: ProcessEntry): string {
	return `${entry.pid}@${entry.startTime}`;
}

/** Which of `processes` still run (a zombie has ended; a reused pid is another process). */
export function stillRunning(processes: Iterable<ProcessEntry>, table: ProcessEntry[] = processTable()): ProcessEntry[] {
	const live = new Set(table.filter((entry) => !entry.zombie).map(processKey));
	return [...processes].filter((entry) => live.has(processKey(entry)));
}

/** Sends `signal` and ignores "no such process" (it ended in the meantime). */
export function signalProcess(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(pid, signal);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a stop ended: the processes ended on the first signal, or had to be killed. */
export type StopOutcome = 'ended' | 'killed';

/**
 * One started process with everything it started: its process group (it leads one when spawned
 * detached) and every process below it. Processes seen once are remembered, so a grandchild
 * whose parent has already ended (and that another process adopted) is still found.
 */
export class ProcessTree {
	private readonly known = new Map<string, ProcessEntry>();

	constructor(readonly pid: number) {}

	/** The processes of the tree that still run, the leader included. */
	running(table: ProcessEntry[] = processTable()): ProcessEntry[] {
		const members = table.filter((entry) => entry.pgid === this.pid);
		const leader = members.find((entry) => entry.pid === this.pid && !entry.zombie);
		const below = leader ? descendantsOf([this.pid], table) : [];
		for (const entry of [...members, ...below]) this.known.set(processKey(entry), entry);
		return stillRunning(this.known.values(), table);
	}

	/**
	 * `firstSignal` (default SIGTERM) to the group once; SIGKILL to the group and to every process
	 * of the tree if any still runs after `graceMs`, repeated until none does. Rejects only if
	 * processes outlive SIGKILL for `killWaitMs` (stuck in the kernel).
	 */
	async stop(graceMs: number, options: { firstSignal?: NodeJS.Signals; killWaitMs?: number } = {}): Promise<StopOutcome> {
		const left = this.running();
		if (left.length === 0) return 'ended';
		signalProcess(-this.pid, options.firstSignal ?? 'SIGTERM');
		// Processes outside the group whose parent has ended have no one left to stop them.
		if (!left.some((entry) => entry.pid === this.pid)) {
			for (const entry of left) if (entry.pgid !== this.pid) signalProcess(entry.pid, options.firstSignal ?? 'SIGTERM');
		}
		if (await this.gone(graceMs)) return 'ended';
		const deadline = Date.now() + (options.killWaitMs ?? 10_000);
		for (;;) {
			signalProcess(-this.pid, 'SIGKILL');
			for (const entry of this.running()) signalProcess(entry.pid, 'SIGKILL');
			if (await this.gone(250)) return 'killed';
			if (Date.now() > deadline) {
				const pids = this.running().map((entry) => entry.pid);
				throw new Error(`processes ${pids.join(', ')} of pid ${this.pid} still run after SIGKILL`);
			}
		}
	}

	private async gone(withinMs: number): Promise<boolean> {
		const deadline = Date.now() + withinMs;
		for (;;) {
			if (this.running().length === 0) return true;
			if (Date.now() >= deadline) return false;
			await sleep(Math.min(100, Math.max(1, deadline - Date.now())));
		}
	}
}
