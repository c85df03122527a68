import { cpus, totalmem, type as osType, arch } from 'node:os';
import { N8N_VERSION, NODE_VERSION } from '../n8n';
import type { BatchBenchOptions, BatchResult, HttpCalls } from './batchBench';
import { type MemoryPeak, type MemoryResult, SETTLE_SECONDS } from './memoryBench';

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
	poll: BatchResult;
	/** The measurement, or why callback mode was not measured. */
	callback: BatchResult | { unavailable: string };
	memory?: MemoryResult;
}

function batchRow(mode: string, runBy: string, result: BatchResult, videos: number): string {
	const ratio = (result.nodeMs / result.limitMs).toFixed(2);
	return `| ${mode} | ${runBy} | ${seconds(result.nodeMs)} | ${ratio} | ${seconds(result.wholeMs)} | ${callsCell(result.calls, videos)} | ${perVideo(result.callbacks, videos)} |`;
}

/** The results as Markdown: the same text is printed, written to bench/latest.md and shown in the README. */
export function formatReport(report: BenchReport): string {
	const { videos, slots, renderMs, pollIntervalSeconds } = report.batch;
	const limitMs = report.poll.limitMs;
	const callback = 'unavailable' in report.callback ? undefined : report.callback;
	const lines = [
		`Measured ${report.date} on ${machineLine()}.`,
		'',
		`**Batch**: ${videos} prompts into one PixVerse Create node, one account with ${slots} slots, simulated render time R = ${seconds(renderMs)}; ` +
			`no batch can finish before ceil(${videos}/${slots}) × R = ${seconds(limitMs)}. No download. ` +
			'Node time runs from the node getting its items to its last output (a parked execution counts); ' +
			'the whole run is the `n8n execute` process with start-up (poll) or the execution from its webhook call (callback).',
		'',
		'| Wait mode | Run by | PixVerse node | Node time / limit | Whole run | API calls per video | Callbacks per video |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		batchRow(`Poll Until Done (every ${pollIntervalSeconds} s)`, '`n8n execute`', report.poll, videos),
		callback
			? batchRow('Resume When PixVerse Calls Back', '`n8n start`, webhook', callback, videos)
			: '| Resume When PixVerse Calls Back | — | not available | — | — | — | — |',
	];
	if (!callback) lines.push('', `Callback mode: ${(report.callback as { unavailable: string }).unavailable}`);
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
