import { cpus, totalmem, type as osType, arch } from 'node:os';
import { N8N_VERSION, NODE_VERSION } from '../n8n';
import type { BatchBenchOptions, BatchResult, HttpCalls } from './batchBench';
import { QUEUE_EXECUTIONS, QUEUE_VIDEOS, type QueueBatchResult } from './queueBench';
import type { BenchWaitMode } from './workflows';
import { type MemoryPeak, type MemoryResult, SETTLE_SECONDS } from './memoryBench';
import type { TimelineFigure } from './timelineSvg';

const MB = 1024 * 1024;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const perVideo = (count: number, videos: number) => (count / videos).toFixed(2);

export function machineLine(): string {
	const processors = cpus();
	const model = processors[0]?.model.trim() ?? 'unknown CPU';
	return `${osType()} ${arch()}, ${processors.length} cores (${model}), ${Math.round(totalmem() / 1024 ** 3)} GB RAM; n8n ${N8N_VERSION} on Node ${NODE_VERSION}; simulator on Node ${process.versions.node}`;
}

function callsCell(calls: HttpCalls, videos: number): string {
	const parts = [`${perVideo(calls.submits, videos)} submit`, `${perVideo(calls.statusChecks, videos)} status`];
	if (calls.busy) parts.push(`${perVideo(calls.busy, videos)} busy (429)`);
	if (calls.other) parts.push(`${perVideo(calls.other, videos)} other`);
	return `${perVideo(calls.total, videos)} (${parts.join(', ')})`;
}

export interface BenchReport {
	date: string;
	batch: BatchBenchOptions;
	batches: BatchResult[];
	queue?: QueueBatchResult[];
	memory?: MemoryResult;
}

export const MODE_NAMES: Record<BenchWaitMode, string> = { poll: 'Poll Until Done', callback: 'Resume When PixVerse Calls Back' };
const ratio = (ms: number, limitMs: number) => (ms / limitMs).toFixed(2);
const renders = (renderMs: number, jitter: number) => (jitter ? `${seconds(renderMs)} ±${Math.round(jitter * 100)} %` : `${seconds(renderMs)} uniform`);

function batchRow(result: BatchResult, videos: number): string {
	const { mode, renderMs, jitter } = result.case;
	return `| ${renders(renderMs, jitter)} | ${MODE_NAMES[mode]} | ${seconds(result.nodeMs)} | **${ratio(result.nodeMs, result.limitMs)}** | ${ratio(result.bestMs, result.limitMs)} | **${ratio(result.nodeMs, result.bestMs)}** | ${seconds(result.workerMs)} | ${callsCell(result.calls, videos)} | **${perVideo(result.calls.busy, result.calls.submits)}** | ${perVideo(result.callbacks, videos)} |`;
}

function queueRow(result: QueueBatchResult): string {
	const slowest = Math.max(...result.nodeMs);
	return `| ${renders(result.renderMs, result.jitter)} | ${MODE_NAMES[result.mode]} | ${result.nodeMs.map(seconds).join(', ')} | **${ratio(slowest, result.limitMs)}** | ${ratio(result.lastEndMs, result.limitMs)} | ${ratio(result.bestMs, result.limitMs)} | ${result.workerMs.map(seconds).join(', ')} | ${result.workerRuns.join(' / ')} |`;
}

/** The batches docs/batch-timeline.svg draws: each wait mode at the first render time, jittered. */
export function timelineBatches(report: Pick<BenchReport, 'batch' | 'batches'>): BatchResult[] {
	const { renderTimes, jitter } = report.batch;
	return report.batches.filter((result) => result.case.renderMs === renderTimes[0] && result.case.jitter === jitter);
}

/** The timeline figure of a run: one panel per wait mode (see timelineBatches). */
export function timelineFigure(report: Pick<BenchReport, 'date' | 'batch' | 'batches'>): TimelineFigure {
	const { videos, slots, renderTimes, jitter, renderSeed, pollIntervalSeconds } = report.batch;
	return {
		title: `One batch of ${videos} videos on one account with ${slots} slots, in each wait mode`,
		subtitle: `Simulated renders of ${renders(renderTimes[0], jitter)} (seed ${renderSeed}), Poll Until Done every ${pollIntervalSeconds} s; n8n ${N8N_VERSION}, npm run bench on ${report.date}.`,
		panels: timelineBatches(report).map((result) => ({ title: MODE_NAMES[result.case.mode], timeline: result.timeline })),
	};
}

/** The results as Markdown: the same text is printed, written to bench/latest.md and shown in docs/performance.md. */
export function formatReport(report: BenchReport): string {
	const { videos, slots, pollIntervalSeconds, renderSeed } = report.batch;
	const lines = [
		`Measured ${report.date} on ${machineLine()}.`,
		'',
		`**Batch**: ${videos} prompts into one PixVerse Create node, one account with ${slots} slots, simulated render time R; ` +
			`no batch can finish before the limit ceil(${videos}/${slots}) × R. Jittered renders take a time drawn uniformly within the spread around R (seed ${renderSeed}, the same for both modes); ` +
			'"best in order" is when the last video would end had each started the moment a slot freed, in submission order, with the render times drawn: with jitter it can pass the limit, ' +
			'and since the simulator gives the k-th video started the k-th time drawn, no batch can end sooner: node time / best in order is what the node adds. ' +
			`Poll Until Done checks every ${pollIntervalSeconds} s. All rows come from one run of one \`n8n start\`, each batch started by a webhook call. No download. ` +
			'Node time runs from the node getting its items to its last output (a parked execution counts); worker time is how long the execution held n8n, from its webhook call to its end, less the time it was parked (seen waiting, sampled every 100 ms). ' +
			'Busy answers per video: 429 answers ("all slots busy": nothing started, the item is sent again later) per video accepted.',
		'',
		'| Renders (R) | Wait mode | PixVerse node | Node time / limit | Best in order / limit | Node time / best in order | Worker time | API calls per video | Busy answers per video | Callbacks per video |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...report.batches.map((result) => batchRow(result, videos)),
	];
	if (timelineBatches(report).length) {
		lines.push('', `\`docs/batch-timeline.svg\` draws the ${renders(report.batch.renderTimes[0], report.batch.jitter)} batches of this run: which video held each of the account's slots, and when.`);
	}
	if (report.queue?.length) {
		lines.push(
			'',
			`**Queue mode**: n8n main, 2 workers (concurrency 10) and 2 webhook processes on Postgres and Redis; ${QUEUE_EXECUTIONS} executions of ${QUEUE_VIDEOS} prompts started at the same moment ` +
				`through the webhook processes, all on one account with ${slots} slots; limit ceil(${QUEUE_EXECUTIONS * QUEUE_VIDEOS}/${slots}) × R. ` +
				'Worker runs: executions started or resumed by worker 1 / worker 2.',
			'',
			'| Renders (R) | Wait mode | Node time of each execution | Slowest / limit | Last end / limit | Best in order / limit | Worker time of each | Worker runs |',
			'| --- | --- | --- | --- | --- | --- | --- | --- |',
			...report.queue.map(queueRow),
		);
	}
	const { memory } = report;
	if (memory) {
		const growth = (peak: MemoryPeak) => {
			const bytes = peak.peakBytes - peak.baselineBytes;
			return `${megabytes(bytes)} (${(bytes / memory.fileBytes).toFixed(2)} × the file size)`;
		};
		lines.push(
			'',
			`**Download**: one ${megabytes(memory.fileBytes)} MP4 into n8n binary data (\`N8N_DEFAULT_BINARY_DATA_MODE=filesystem\`) by Video > Get; ` +
				`resident memory (VmRSS) sampled every 100 ms, before (the last second of a ${SETTLE_SECONDS} s Wait node) and during the download.`,
			'',
			'| Measurement | n8n process and its task runner | n8n process alone |',
			'| --- | --- | --- |',
			`| RSS before the download | ${megabytes(memory.tree.baselineBytes)} | ${megabytes(memory.main.baselineBytes)} |`,
			`| Peak RSS during the download | ${megabytes(memory.tree.peakBytes)} | ${megabytes(memory.main.peakBytes)} |`,
			`| Peak growth | ${growth(memory.tree)} | ${growth(memory.main)} |`,
			'',
			'| Download | Result |',
			'| --- | --- |',
			`| Download time | ${seconds(memory.downloadMs)} (${(memory.fileBytes / MB / (memory.downloadMs / 1000)).toFixed(0)} MB/s) |`,
			`| File in the binary store | ${memory.fileBytes} bytes, MP4, as sent |`,
		);
	}
	return `${lines.join('\n')}\n`;
}
