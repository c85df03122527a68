import { type ChildProcess, spawn } from 'node:child_process';
import { processTree, residentBytes, sampleTreeMemory, treeResidentBytes } from '../../../scripts/bench/processMemory';

const MB = 1024 * 1024;

describe('process memory of the benchmark (/proc)', () => {
	let child: ChildProcess;
	beforeAll(() => {
		// A child holding 64 MB of touched memory until its stdin closes.
		const script = `globalThis.kept = Buffer.alloc(${64 * MB}, 1); console.log('ready'); process.stdin.resume(); process.stdin.on('end', () => process.exit(0));`;
		child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
		return new Promise((resolve) => child.stdout!.once('data', resolve));
	});
	afterAll(() => {
		child.stdin!.end();
		return new Promise((resolve) => child.once('exit', resolve));
	});

	it('finds the child in the process tree and adds its resident memory', () => {
		expect(processTree(process.pid)).toEqual(expect.arrayContaining([process.pid, child.pid]));
		expect(residentBytes(child.pid!)).toBeGreaterThan(64 * MB);
		expect(treeResidentBytes(process.pid)).toBeGreaterThanOrEqual(residentBytes(process.pid) + 64 * MB);
	});

	it('reads 0 for a process that does not exist', () => {
		expect(residentBytes(2 ** 22 + 1)).toBe(0);
		expect(processTree(2 ** 22 + 1)).toEqual([2 ** 22 + 1]);
	});

	it('samples the tree until stopped', async () => {
		const sampler = sampleTreeMemory(child.pid!, 20);
		// Two ticks of an interval of the same length set after the sampler's: Node runs timers of one
		// length in the order they were set, so the sampler has ticked twice too (plus its first sample).
		await new Promise<void>((resolve) => {
			let ticks = 0;
			const timer = setInterval(() => {
				if (++ticks < 2) return;
				clearInterval(timer);
				resolve();
			}, 20);
		});
		const samples = sampler.stop();
		expect(samples.length).toBeGreaterThanOrEqual(3);
		expect(samples.every((sample) => sample.bytes > 64 * MB && sample.rootBytes === sample.bytes)).toBe(true);
		expect(samples.map((sample) => sample.time)).toEqual([...samples.map((sample) => sample.time)].sort((a, b) => a - b));
	});
});
