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
 * whose parent has already ended (and that another process adopted) is still found. Pids are
 * reused: a process counts only by pid and start time, and the group only while one of its
 * known members (the leader to begin with) still exists.
 */
export class ProcessTree {
	private readonly known = new Map<string, ProcessEntry>();

	/** `startTime` names the leader when it is known (e.g. passed on from another process). */
	constructor(
		readonly pid: number,
		startTime?: string,
	) {
		const leader =
			startTime === undefined
				? processTable().find((entry) => entry.pid === pid)
				: { pid, ppid: 0, pgid: pid, zombie: false, startTime };
		if (leader) this.known.set(processKey(leader), leader);
	}

	/** The leader's start time, if it was found when the tree was made. */
	get leaderStartTime(): string | undefined {
		return [...this.known.values()].find((entry) => entry.pid === this.pid)?.startTime;
	}

	/** True while the group `pid` is still this tree's (a known member, even ended but unreaped, exists). */
	private ownsGroup(table: ProcessEntry[]): boolean {
		return table.some((entry) => entry.pgid === this.pid && this.known.has(processKey(entry)));
	}

	/** The processes of the tree that still run, the leader included. */
	running(table: ProcessEntry[] = processTable()): ProcessEntry[] {
		const members = this.ownsGroup(table) ? table.filter((entry) => entry.pgid === this.pid) : [];
		for (const entry of members) this.known.set(processKey(entry), entry);
		const live = stillRunning(this.known.values(), table);
		for (const entry of descendantsOf(live.map((process) => process.pid), table)) this.known.set(processKey(entry), entry);
		return stillRunning(this.known.values(), table);
	}

	/** `signal` to the group while it is this tree's, and to each of `processes` outside it. */
	private signal(signal: NodeJS.Signals, processes: ProcessEntry[]): void {
		const table = processTable();
		const group = this.ownsGroup(table);
		if (group) signalProcess(-this.pid, signal);
		for (const entry of stillRunning(processes, table)) {
			if (!group || entry.pgid !== this.pid) signalProcess(entry.pid, signal);
		}
	}

	/**
	 * `firstSignal` (default SIGTERM) to the group once; SIGKILL to the group and to every process
	 * of the tree if any still runs after `graceMs`, repeated until none does. Rejects only if
	 * processes outlive SIGKILL for `killWaitMs` (stuck in the kernel).
	 */
	async stop(graceMs: number, options: { firstSignal?: NodeJS.Signals; killWaitMs?: number } = {}): Promise<StopOutcome> {
		const left = this.running();
		if (left.length === 0) return 'ended';
		// The group gets it; processes outside it only once the leader has ended (no one is left
		// to stop them); while it runs, the leader stops what it started in groups of their own.
		const leaderRuns = left.some((entry) => entry.pid === this.pid);
		this.signal(options.firstSignal ?? 'SIGTERM', leaderRuns ? [] : left);
		if (await this.gone(graceMs)) return 'ended';
		const deadline = Date.now() + (options.killWaitMs ?? 10_000);
		for (;;) {
			this.signal('SIGKILL', this.running());
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
