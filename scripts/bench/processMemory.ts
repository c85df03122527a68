import { readdirSync, readFileSync } from 'node:fs';

export interface MemorySample {
	/** Date.now() when the sample was taken. */
	time: number;
	/** VmRSS of the process and all its descendants. */
	bytes: number;
	/** VmRSS of the root process alone. */
	rootBytes: number;
}

function readText(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		// The process ended between listing and reading.
		return undefined;
	}
}

/** Parent pid from /proc/<pid>/stat (the command name in parentheses may itself hold spaces or parentheses). */
function parentPid(pid: number): number | undefined {
	const stat = readText(`/proc/${pid}/stat`);
	if (!stat) return undefined;
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[1]);
}

/** The pid and every live descendant (n8n starts its task runner as a child process). */
export function processTree(rootPid: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const pid = Number(name);
		const parent = parentPid(pid);
		if (parent === undefined) continue;
		children.set(parent, [...(children.get(parent) ?? []), pid]);
	}
	const tree: number[] = [];
	const pending = [rootPid];
	while (pending.length) {
		const pid = pending.pop()!;
		tree.push(pid);
		pending.push(...(children.get(pid) ?? []));
	}
	return tree;
}

/** VmRSS of one process in bytes; 0 once it has ended. */
export function residentBytes(pid: number): number {
	const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readText(`/proc/${pid}/status`) ?? '');
	return match ? Number(match[1]) * 1024 : 0;
}

export function treeResidentBytes(rootPid: number): number {
	return processTree(rootPid).reduce((sum, pid) => sum + residentBytes(pid), 0);
}

export interface MemorySampler {
	/** Stops sampling and returns every sample taken. */
	stop(): MemorySample[];
}

/** Samples the resident memory of a process tree every `intervalMs` until stopped. */
export function sampleTreeMemory(rootPid: number, intervalMs = 100): MemorySampler {
	const samples: MemorySample[] = [];
	const take = () => samples.push({ time: Date.now(), bytes: treeResidentBytes(rootPid), rootBytes: residentBytes(rootPid) });
	take();
	const timer = setInterval(take, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return samples;
		},
	};
}
