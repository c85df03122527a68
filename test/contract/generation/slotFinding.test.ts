/**
 * How a batch finds free slots: by reading GET /scheduler/available (and, when polling, by seeing
 * its own videos finish), not by being told "busy". Counts and orders of events from the
 * simulator's log, never durations.
 */
import type { INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import type { LogEntry } from '../../../simulator';
import { startWaitingServer, type WaitingServer } from '../harness';
import { simulatorSession, textToVideo } from '../simulatorSession';
import { submitVideo } from '../simulatorVideos';

const prompts = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { prompt: `clip ${index + 1}` } }));
const batch = (extra: INodeParameters = {}) => textToVideo({ prompt: '={{ $json.prompt }}', download: false, ...extra });

interface SimulatorJob {
	video_id: string;
	prompt: string;
	created_at: string;
	finishedAt?: string;
}

describe('finding free slots without being told "busy"', () => {
	const session = simulatorSession();
	let waiting: WaitingServer;

	beforeEach(async () => {
		waiting = await startWaitingServer();
	});
	afterEach(async () => {
		await waiting.close();
	});

	const posts = () => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.includes('/videos/create'));
	const reads = () => session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.endsWith('/scheduler/available'));
	const jobs = () => session.sim.state().jobs as SimulatorJob[];
	const promptOf = (entry: LogEntry) => String(entry.body!.prompt);

	/** Most of the batch's videos rendering at the same moment, from each simulator job's start and end. */
	const peakRendering = () => {
		const events = jobs().flatMap((job) => [
			{ at: Date.parse(job.created_at), change: 1 },
			{ at: job.finishedAt ? Date.parse(job.finishedAt) : Number.POSITIVE_INFINITY, change: -1 },
		]);
		events.sort((a, b) => a.at - b.at || a.change - b.change);
		let running = 0;
		return Math.max(0, ...events.map((event) => (running += event.change)));
	};

	it('Poll Until Done, with the account to itself: every slot used, every item sent once, no 429', async () => {
		await session.sim.reset({ renderMs: 500, accounts: [{ email: 'three@example.com', maxJobs: 3, credits: 100000 }] });
		const run = await session.run(batch(), { items: prompts(10) });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(Array(10).fill('COMPLETED'));
		expect(posts().map((entry) => entry.status)).toEqual(Array(10).fill(200));
		expect(posts().map(promptOf).sort()).toEqual(prompts(10).map((item) => item.json.prompt).sort());
		expect(peakRendering()).toBe(3);
	});

	it('Resume When PixVerse Calls Back, with the account to itself: the free slots are read, no 429', async () => {
		await session.sim.reset({ renderMs: 500, accounts: [{ email: 'three@example.com', maxJobs: 3, credits: 100000 }] });
		const run = await session.run(batch({ waitMode: 'callback', waitTimeout: 10 }), { items: prompts(8), additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl } });
		expect(run.error).toBeUndefined();
		expect(posts().map((entry) => entry.status)).toEqual(Array(8).fill(200));
		expect(reads().length).toBeGreaterThan(1);
		expect(peakRendering()).toBe(3);
	});

	it('Resume When PixVerse Calls Back finds a slot freed by another client while its own videos still render', async () => {
		// One of two slots is held by a video started elsewhere, which ends long before the batch's (off-peak) videos.
		await session.sim.reset({ renderMs: 1000, offPeakRenderMs: 4000, accounts: [{ email: 'two@example.com', maxJobs: 2, credits: 100000 }] });
		await submitVideo(session.sim, { prompt: 'elsewhere' });
		session.sim.clearLog();
		const run = await session.run(batch({ waitMode: 'callback', waitTimeout: 10, offPeakMode: true }), { items: prompts(3), additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl } });
		expect(run.error).toBeUndefined();
		waiting.attach(run, new PixVerse());
		const output = await waiting.resumed();
		expect(output.map((item) => item.json.video_status_name)).toEqual(Array(3).fill('COMPLETED'));

		expect(posts().map((entry) => entry.status)).toEqual([200, 200, 200]);
		const [first, second] = posts();
		const firstJob = jobs().find((job) => job.prompt === promptOf(first))!;
		const elsewhere = jobs().find((job) => job.prompt === 'elsewhere')!;
		// The second item went into the slot the other client freed, before the batch's own first video ended.
		expect(Date.parse(second.time)).toBeGreaterThanOrEqual(Date.parse(elsewhere.finishedAt!));
		expect(Date.parse(second.time)).toBeLessThan(Date.parse(firstJob.finishedAt!));
	});
});
