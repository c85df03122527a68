/**
 * `npm run bench`: the PixVerse node in a real n8n 2.41 against the simulator. A batch of prompts
 * on one account (node time against the ceil(videos / slots) × render-time limit, worker time,
 * HTTP calls per video) in both wait modes, at each render time, with uniform and jittered
 * renders, all in one `n8n start`; three batches at once in queue mode (2 workers); then the
 * memory n8n uses while downloading a large MP4 to filesystem binary data. Prints Markdown tables
 * and writes them to bench/latest.md; draws the jittered batches at the first render time (which
 * video held each slot, when) in docs/batch-timeline.svg.
 *
 *   npm run bench -- [--videos 24] [--slots 8] [--render-ms 5000,20000] [--jitter 0.4] [--seed 7] [--poll-interval 1]
 *                    [--mp4-mb 500] [--skip-queue] [--skip-memory]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBatches } from './bench/batchBench';
import { benchDownloadMemory } from './bench/memoryBench';
import { benchQueueMode } from './bench/queueBench';
import { formatReport, timelineFigure } from './bench/report';
import { timelineSvg } from './bench/timelineSvg';
import { ensureN8nRuntime, PACKED_ENV, packPackage, runCommandOrThrow } from './n8n';

const REPO = resolve(__dirname, '..');

function say(line: string): void {
	console.log(`[bench] ${line}`);
}

function positive(name: string, text: string): number {
	const value = Number(text);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${text}"`);
	return value;
}

function share(name: string, text: string): number {
	const value = Number(text);
	if (!(value > 0 && value < 1)) throw new Error(`--${name} must be above 0 and below 1, got "${text}"`);
	return value;
}

function readOptions() {
	const { values } = parseArgs({
		options: {
			videos: { type: 'string', default: '24' },
			slots: { type: 'string', default: '8' },
			'render-ms': { type: 'string', default: '5000,20000' },
			jitter: { type: 'string', default: '0.4' },
			seed: { type: 'string', default: '7' },
			'poll-interval': { type: 'string', default: '1' },
			'mp4-mb': { type: 'string', default: '500' },
			'skip-queue': { type: 'boolean', default: false },
			'skip-memory': { type: 'boolean', default: false },
		},
	});
	return {
		videos: Math.round(positive('videos', values.videos)),
		slots: Math.round(positive('slots', values.slots)),
		renderTimes: values['render-ms'].split(',').map((text) => positive('render-ms', text)),
		jitter: share('jitter', values.jitter),
		renderSeed: Math.round(positive('seed', values.seed)),
		pollIntervalSeconds: positive('poll-interval', values['poll-interval']),
		mp4Bytes: Math.round(positive('mp4-mb', values['mp4-mb']) * 1024 * 1024),
		skipQueue: values['skip-queue'],
		skipMemory: values['skip-memory'],
	};
}

async function main(): Promise<void> {
	const options = readOptions();
	say('building the package (npm run build)');
	await runCommandOrThrow('npm', ['run', 'build'], { cwd: REPO });
	const packFolder = mkdtempSync(join(tmpdir(), 'pixverse-bench-pack-'));
	try {
		const packed = await packPackage(REPO, packFolder);
		// Every n8n user folder of this run installs this one tarball.
		process.env[PACKED_ENV] = JSON.stringify(packed);
		await ensureN8nRuntime();

		const batches = await benchBatches(options, say);
		const queue = options.skipQueue ? undefined : await benchQueueMode(options, options.renderTimes[0], options.jitter, say);
		const memory = options.skipMemory ? undefined : await benchDownloadMemory(options.mp4Bytes, say);
		const date = new Date().toISOString().slice(0, 10);
		const report = formatReport({ date, batch: options, batches, queue, memory });

		mkdirSync(join(REPO, 'bench'), { recursive: true });
		writeFileSync(join(REPO, 'bench', 'latest.md'), report);
		console.log(`\n${report}`);
		say('written to bench/latest.md');
		writeFileSync(join(REPO, 'docs', 'batch-timeline.svg'), timelineSvg(timelineFigure({ date, batch: options, batches })));
		say('timeline drawn in docs/batch-timeline.svg');
	} finally {
		rmSync(packFolder, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(`[bench] ${error.stack ?? error.message}`);
	process.exitCode = 1;
});
