import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Simulator } from '../../simulator';
import {
	binaryMetadata,
	describeExecution,
	importWorkflows,
	nodeOutputItems,
	nodeRuns,
	setUpN8nTestEnvironment,
	SIMULATOR_TOKEN,
} from '../n8n';
import { type MemorySample, sampleTreeMemory } from './processMemory';
import { DOWNLOAD_NODE, DOWNLOAD_PROPERTY, DOWNLOAD_WORKFLOW_ID, downloadWorkflow } from './workflows';

export interface MemoryPeak {
	/** Median resident memory in the last second before the download node started. */
	baselineBytes: number;
	/** Highest resident memory while the download node ran. */
	peakBytes: number;
}

export interface MemoryResult {
	fileBytes: number;
	/** The `n8n execute` process and its task runner. */
	tree: MemoryPeak;
	/** The `n8n execute` process alone (where the node runs and the download streams). */
	main: MemoryPeak;
	/** executionTime of the download node. */
	downloadMs: number;
	/** n8n's binary data id of the stored MP4. */
	binaryId: string;
	samples: number;
}

async function api(simulator: Simulator, method: string, path: string, body?: unknown): Promise<Response> {
	return fetch(`${simulator.url}/v2/pixverse${path}`, {
		method,
		headers: { Authorization: `Bearer ${SIMULATOR_TOKEN}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

/** Submits one video straight to the simulator and waits until it is finished; returns its id. */
async function finishedVideo(simulator: Simulator): Promise<string> {
	const submitted = await api(simulator, 'POST', '/videos/create', { prompt: 'A long take of ocean waves', model: 'v6' });
	if (!submitted.ok) throw new Error(`the simulator refused the video: ${submitted.status} ${await submitted.text()}`);
	const { video_id: videoId } = (await submitted.json()) as { video_id: string };
	for (let attempt = 0; attempt < 100; attempt++) {
		const record = await api(simulator, 'GET', `/videos/${videoId}`);
		if (record.status === 200) return videoId;
		await sleep(100);
	}
	throw new Error(`video ${videoId} did not finish on the simulator`);
}

/** Where n8n's filesystem mode keeps a binary: `<userFolder>/.n8n/storage/<path from the id>`. */
function storedFile(userFolder: string, binaryId: string): string {
	const [mode, path] = [binaryId.slice(0, binaryId.indexOf(':')), binaryId.slice(binaryId.indexOf(':') + 1)];
	if (mode !== 'filesystem-v2') throw new Error(`the MP4 was stored in "${mode}" mode, not on the filesystem`);
	return join(userFolder, '.n8n', 'storage', path);
}

function firstBytes(file: string, count: number): Buffer {
	const buffer = Buffer.alloc(count);
	const descriptor = openSync(file, 'r');
	try {
		readSync(descriptor, buffer, 0, count, 0);
	} finally {
		closeSync(descriptor);
	}
	return buffer;
}

function checkStoredMp4(file: string, expectedBytes: number): void {
	const size = statSync(file).size;
	if (size !== expectedBytes) throw new Error(`the stored MP4 has ${size} bytes, the simulator sent ${expectedBytes}`);
	if (firstBytes(file, 8).subarray(4).toString('latin1') !== 'ftyp') throw new Error(`the stored file ${file} is no MP4`);
}

export const SETTLE_SECONDS = 5;
const BASELINE_WINDOW_MS = 1000;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Baseline from the last second before `start`, peak from `start` to `end`. */
function memoryPeak(samples: MemorySample[], start: number, end: number, bytes: (sample: MemorySample) => number): MemoryPeak {
	const before = samples.filter((sample) => sample.time < start && sample.time >= start - BASELINE_WINDOW_MS);
	const during = samples.filter((sample) => sample.time >= start && sample.time <= end);
	if (!before.length || !during.length) throw new Error('too few memory samples around the download; the sampler missed the node');
	return { baselineBytes: median(before.map(bytes)), peakBytes: Math.max(...during.map(bytes)) };
}

/**
 * One finished video of `fileBytes` bytes downloaded by Video > Get into n8n binary data
 * (filesystem mode) in a real n8n, with the resident memory of the `n8n execute` process tree
 * sampled every 100 ms. A Wait node first lets n8n finish starting, so the baseline is steady.
 */
export async function benchDownloadMemory(fileBytes: number, log: (line: string) => void): Promise<MemoryResult> {
	const environment = await setUpN8nTestEnvironment({ simulator: { renderMs: 200, mp4Bytes: fileBytes } });
	try {
		const videoId = await finishedVideo(environment.simulator);
		await importWorkflows(environment.instance, [downloadWorkflow(videoId, SETTLE_SECONDS)]);
		log(`memory: downloading one ${Math.round(fileBytes / 1024 / 1024)} MB video to binary data (filesystem mode)`);

		let sampler: ReturnType<typeof sampleTreeMemory> | undefined;
		const execution = await environment.execute(DOWNLOAD_WORKFLOW_ID, {
			timeoutMs: 600_000,
			env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
			onSpawn: (pid) => (sampler = sampleTreeMemory(pid, 100)),
		});
		const samples = sampler?.stop() ?? [];
		if (!execution.ok || !execution.result) throw new Error(`the download workflow failed\n${describeExecution(execution)}`);

		const [run] = nodeRuns(execution.result, DOWNLOAD_NODE);
		const startTime = Number(run.startTime);
		const endTime = startTime + run.executionTime;
		const tree = memoryPeak(samples, startTime, endTime, (sample) => sample.bytes);
		const main = memoryPeak(samples, startTime, endTime, (sample) => sample.rootBytes);
		const [item] = nodeOutputItems(execution.result, DOWNLOAD_NODE);
		const binaryId = binaryMetadata(item, DOWNLOAD_PROPERTY).id;
		if (!binaryId) throw new Error('the MP4 was kept in memory (no binary data id), not in the filesystem store');
		checkStoredMp4(storedFile(environment.userFolder, binaryId), fileBytes);
		return { fileBytes, tree, main, downloadMs: run.executionTime, binaryId, samples: samples.length };
	} finally {
		await environment.tearDown();
	}
}
