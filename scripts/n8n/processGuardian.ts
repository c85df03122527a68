/**
 * Runs beside a process that starts background processes (`npm start`, a jest worker) and
 * outlives it: when that process ends in any way, even by SIGKILL, the guardian's standard input
 * closes, and each background process it still had is stopped here like `stop()` would have:
 * SIGTERM to its process group, SIGKILL to the group and everything below it after the grace
 * period. Standard input carries `watch <pid> <graceMs> <start time>` and `forget <pid>` lines.
 */
import { ProcessTree } from './processTree';

const watched = new Map<number, { tree: ProcessTree; graceMs: number }>();
let pending = '';
let stopping = false;

function onLine(line: string): void {
	const [command, pid, graceMs, ...startTime] = line.trim().split(' ');
	if (command === 'watch' && Number(pid) > 0 && startTime.length > 0) {
		const tree = new ProcessTree(Number(pid), startTime.join(' '));
		watched.set(Number(pid), { tree, graceMs: Number(graceMs) || 20_000 });
	} else if (command === 'forget') {
		watched.delete(Number(pid));
	}
}

async function stopAll(): Promise<void> {
	if (stopping) return;
	stopping = true;
	await Promise.allSettled([...watched.values()].map(({ tree, graceMs }) => tree.stop(graceMs)));
	process.exit(0);
}

// Remembers the processes below each watched one while they run, so those whose parent has
// already ended are still found.
setInterval(() => {
	for (const { tree } of watched.values()) tree.running();
}, 5_000);

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
	const lines = (pending + chunk).split('\n');
	pending = lines.pop() ?? '';
	for (const line of lines) onLine(line);
});
process.stdin.on('end', () => void stopAll());
process.stdin.on('error', () => void stopAll());
