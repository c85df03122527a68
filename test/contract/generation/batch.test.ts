import { NodeApiError } from 'n8n-workflow';

import type { LogEntry } from '../../../simulator';

import { simulatorSession, textToVideo } from '../simulatorSession';
import { submitVideo } from '../simulatorVideos';

const prompts = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { prompt: `clip ${index + 1}` } }));
const batch = (extra = {}) => textToVideo({ prompt: '={{ $json.prompt }}', download: false, ...extra });

describe('batches against the simulator', () => {
	const session = simulatorSession();
	const posts = () => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.includes('/videos/create'));
	const accepted = () => posts().filter((entry) => entry.status === 200);

	/** Most of the given videos rendering at the same moment, from each simulator job's start and end (its slot freeing). */
	const peakRendering = (videoIds: unknown[]) => {
		const jobs = (session.sim.state().jobs as Array<{ video_id: string; created_at: string; renderMs: number; finishedAt?: string }>).filter((job) => videoIds.includes(job.video_id));
		const events = jobs.flatMap((job) => [
			{ at: Date.parse(job.created_at), change: 1 },
			{ at: job.finishedAt ? Date.parse(job.finishedAt) : Date.parse(job.created_at) + job.renderMs, change: -1 },
		]);
		events.sort((a, b) => a.at - b.at || a.change - b.change);
		let running = 0;
		return Math.max(0, ...events.map((event) => (running += event.change)));
	};

	it('submits while slots are free, then more as videos finish: a 429 means "not now", each item is sent until accepted once', async () => {
		await session.sim.reset({ renderMs: 600, accounts: [{ email: 'two@example.com', maxJobs: 2, credits: 100000 }] });
		const run = await session.run(batch(), { items: prompts(5) });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => [item.json.prompt, item.json.video_status_name])).toEqual([
			['clip 1', 'COMPLETED'], ['clip 2', 'COMPLETED'], ['clip 3', 'COMPLETED'], ['clip 4', 'COMPLETED'], ['clip 5', 'COMPLETED'],
		]);
		// Each accepted once; the submissions of one wave go at once, so they may arrive in either order.
		expect(accepted().map((entry) => String(entry.body!.prompt)).sort()).toEqual(['clip 1', 'clip 2', 'clip 3', 'clip 4', 'clip 5']);
		expect(posts().every((entry) => entry.status === 200 || entry.status === 429)).toBe(true);
		expect(peakRendering(run.output![0].map((item) => item.json.video_id))).toBe(2);
	});

	it('started while the account is busy, a batch takes every slot that frees as it runs: the free slots are not read once', async () => {
		// Two slots of three are held by videos started elsewhere; the batch's (off-peak) videos render longer.
		await session.sim.reset({ renderMs: 2500, offPeakRenderMs: 4000, accounts: [{ email: 'three@example.com', maxJobs: 3, credits: 100000 }] });
		for (const prompt of ['elsewhere 1', 'elsewhere 2']) await submitVideo(session.sim, { prompt });
		session.sim.clearLog();
		const run = await session.run(batch({ offPeakMode: true }), { items: prompts(3) });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(Array(3).fill('COMPLETED'));
		// It read the free slots rather than being told "busy": the one free slot went to the first item, the others' slots were found as they freed.
		expect(posts().map((entry) => entry.status)).toEqual([200, 200, 200]);
		expect(session.apiRequests().filter((entry) => entry.path.endsWith('/scheduler/available')).length).toBeGreaterThan(1);
		// Reading "1 free slot" once at the start would have run the whole batch one video at a time.
		expect(peakRendering(run.output![0].map((item) => item.json.video_id))).toBe(3);
	});

	it('honours Max Concurrent Jobs', async () => {
		await session.sim.reset({ renderMs: 400 });
		const run = await session.run(batch({ maxConcurrent: 1 }), { items: prompts(3) });
		expect(run.error).toBeUndefined();
		const jobs = session.sim.state().jobs as Array<{ video_id: string; createdAt?: number }>;
		expect(jobs).toHaveLength(3);
		// With one slot, each POST comes after the previous video was seen finished.
		const order = session.apiRequests().map((entry) => (entry.method === 'POST' ? 'POST' : entry.status === 200 ? 'DONE' : 'WAIT'));
		const postsAt = order.flatMap((kind, index) => (kind === 'POST' ? [index] : []));
		expect(order.slice(postsAt[0], postsAt[1]).includes('DONE')).toBe(true);
		expect(order.slice(postsAt[1], postsAt[2]).includes('DONE')).toBe(true);
	});

	it('treats 429 as back-pressure when other jobs hold the slots, never as a failure or a double submit', async () => {
		await session.sim.reset({ renderMs: 800, accounts: [{ email: 'one@example.com', maxJobs: 1, credits: 100000 }] });
		await submitVideo(session.sim, { prompt: 'started elsewhere' });
		session.sim.clearLog();
		const run = await session.run(batch({ maxConcurrent: 1 }), { items: prompts(2) });
		expect(run.error).toBeUndefined();
		expect(posts().filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
		expect(accepted().map((entry) => entry.body!.prompt)).toEqual(['clip 1', 'clip 2']);
	});

	it('stops submitting on 412 and still brings out what was accepted (continueOnFail)', async () => {
		// v6 720p 5 s costs 35 credits on the simulator: two fit, the third does not.
		await session.sim.reset({ renderMs: 300, accounts: [{ email: 'poor@example.com', maxJobs: 2, credits: 80 }] });
		const run = await session.run(batch(), { items: prompts(5), continueOnFail: true });
		const items = run.output![0];
		expect(items.slice(0, 2).map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED']);
		expect(items[2].json.error).toBe('The PixVerse account is out of credits');
		// Sent in the same wave as clip 3 (at most the 2 slots' worth), clip 4 may have been refused too; no wave is sent after a 412.
		expect(['The PixVerse account is out of credits', 'Not submitted: the PixVerse account ran out of credits earlier in this batch']).toContain(items[3].json.error);
		expect(items[4].json.error).toBe('Not submitted: the PixVerse account ran out of credits earlier in this batch');
		const answered = (status: number) => posts().filter((entry) => entry.status === status).map((entry) => String(entry.body!.prompt)).sort();
		expect(answered(200)).toEqual(['clip 1', 'clip 2']);
		expect(answered(412)).toEqual(items[3].json.error === 'The PixVerse account is out of credits' ? ['clip 3', 'clip 4'] : ['clip 3']);
		expect(posts().filter((entry) => entry.body!.prompt === 'clip 5')).toEqual([]);
	});

	it('without continueOnFail, a refused item ends the run with an error that lists the accepted ids', async () => {
		const run = await session.run(batch(), { items: [{ json: { prompt: 'fine' } }, { json: { prompt: 'bad [reject]' } }] });
		expect(run.error).toBeInstanceOf(NodeApiError);
		const firstId = accepted()[0];
		expect(firstId).toBeDefined();
		expect((run.error as NodeApiError).description).toMatch(/Other videos accepted in this run \(charged, not lost\): user:1-pixverse:demo@example\.com-video:\d+/);
	});

	/** When the simulator received a request, and when it had answered it: two instants on its clock. */
	const arrivedAt = (entry: LogEntry) => Date.parse(entry.time);
	const answeredAt = (entry: LogEntry) => Date.parse(entry.time) + entry.durationMs!;
	/** The most submissions in flight at one moment: each arrived before the others were answered. */
	const peakPostsInFlight = () => {
		const inFlight = posts().map((entry) => ({ from: arrivedAt(entry), to: answeredAt(entry) }));
		return Math.max(...inFlight.map((request) => inFlight.filter((other) => other.from <= request.from && request.from < other.to).length));
	};

	it('sends the first item at once, then as many as GET /scheduler/available read free, on the accounts they name, in one wave', async () => {
		await session.sim.reset({
			renderMs: 1500,
			accounts: [{ email: 'one@example.com', maxJobs: 1, credits: 100000 }, { email: 'two@example.com', maxJobs: 5, credits: 100000 }],
		});
		await submitVideo(session.sim, { prompt: 'started elsewhere', email: 'two@example.com' });
		session.sim.clearLog();
		// Every answer comes 400 ms late: waves of 1, 2, 4 could never have 4 in flight with 5 items after the first.
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'slow', delayMs: 400, phase: 'after', times: 6 });
		const items = [['a', 'one@example.com'], ['b', 'two@example.com'], ['c', 'two@example.com'], ['d', 'two@example.com'], ['e', 'two@example.com'], ['f', 'two@example.com']];
		const run = await session.run(batch({ account: '={{ $json.account }}' }), { items: items.map(([prompt, account]) => ({ json: { prompt, account } })) });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(Array(6).fill('COMPLETED'));

		// a goes alone while the free slots are read: 4 on two, so b, c, d and e go at once and f waits.
		const reads = session.apiRequests().filter((entry) => entry.path.includes('/scheduler/'));
		expect(new Set(reads.map((entry) => `${entry.method} ${entry.path}`))).toEqual(new Set(['GET /v2/pixverse/scheduler/available']));
		expect(String(posts()[0].body!.prompt)).toBe('a');
		// The read came in before a's (held back) answer went out: it did not wait for it. An order of two events, not a duration.
		expect(arrivedAt(reads[0])).toBeLessThan(answeredAt(posts()[0]));
		expect(posts().slice(1, 5).map((entry) => String(entry.body!.prompt)).sort()).toEqual(['b', 'c', 'd', 'e']);
		expect(peakPostsInFlight()).toBe(4);
		expect(accepted().map((entry) => String(entry.body!.prompt))).toHaveLength(6);
		// f was sent when a read found a slot free on two: never told "busy".
		expect(posts().filter((entry) => entry.status === 429)).toEqual([]);
	});

	it('does not wait for a read of the free slots that takes longer than the first submission: the waves go on without it', async () => {
		await session.sim.reset({ renderMs: 300, accounts: [{ email: 'eight@example.com', maxJobs: 8, credits: 100000 }] });
		session.sim.addFault({ method: 'GET', path: 'scheduler/available', kind: 'slow', delayMs: 3000 });
		const run = await session.run(batch(), { items: prompts(7) });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(Array(7).fill('COMPLETED'));
		const [read] = session.apiRequests().filter((entry) => entry.path.includes('/scheduler/'));
		const readAnswered = Date.parse(read.time) + 3000;
		expect(posts()).toHaveLength(7);
		expect(posts().every((entry) => Date.parse(entry.time) < readAnswered)).toBe(true);
	});

	it('a single item is sent without reading the free slots', async () => {
		const run = await session.run(batch(), { items: prompts(1) });
		expect(run.error).toBeUndefined();
		expect(session.apiRequests().filter((entry) => entry.path.includes('/scheduler/'))).toEqual([]);
	});

	it('when the free slots cannot be read, submits in growing waves at once; a refusal inside a wave ends the run only after every id the wave got accepted is listed', async () => {
		await session.sim.reset({ renderMs: 300, accounts: [{ email: 'eight@example.com', maxJobs: 8, credits: 100000 }] });
		session.sim.addFault({ method: 'GET', path: 'scheduler/available', kind: 'status', status: 404 });
		// Every answer comes 400 ms late: one submission after another could never overlap.
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'slow', delayMs: 400, phase: 'after', times: 7 });
		const items = ['one', 'two', 'three', 'four', 'five [reject]', 'six', 'seven'].map((prompt) => ({ json: { prompt } }));
		const run = await session.run(batch(), { items });

		// Once each; within a wave, in whatever order the requests arrive.
		expect(posts().map((entry) => String(entry.body!.prompt)).sort()).toEqual(items.map((item) => item.json.prompt).sort());
		// Waves of 1, 2 and 4.
		expect(peakPostsInFlight()).toBe(4);

		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(accepted().map((entry) => String(entry.body!.prompt)).sort()).toEqual(['four', 'one', 'seven', 'six', 'three', 'two']);
		const listed = /Other videos accepted in this run \(charged, not lost\): (.*)/.exec((run.error as NodeApiError).description ?? '')?.[1] ?? '';
		expect(listed.match(/user:1-pixverse:eight@example\.com-video:\d+/g)).toHaveLength(6);
	});

	it('fails only the refused item under continueOnFail (422 at submit)', async () => {
		const run = await session.run(batch(), { items: [{ json: { prompt: 'fine' } }, { json: { prompt: 'bad [reject]' } }, { json: { prompt: 'also fine' } }], continueOnFail: true });
		const items = run.output![0];
		expect(items.map((item) => item.json.video_status_name ?? item.json.error)).toEqual(['COMPLETED', 'PixVerse moderated the request', 'COMPLETED']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('keeps polling through 5xx, resets and malformed answers without losing an id', async () => {
		await session.sim.reset({ renderMs: 1200 });
		session.sim.addFault({ method: 'GET', path: 'pixverse/videos/user', kind: 'status', status: 503, retryAfter: 0, times: 3 });
		session.sim.addFault({ method: 'GET', path: 'pixverse/videos/user', kind: 'reset', times: 1 });
		session.sim.addFault({ method: 'GET', path: 'pixverse/videos/user', kind: 'malformed', times: 1 });
		const run = await session.run(batch(), { items: prompts(2) });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED']);
		expect(accepted()).toHaveLength(2);
	});

	it("Don't Wait with more items than slots waits for slots and returns every id", async () => {
		await session.sim.reset({ renderMs: 500, accounts: [{ email: 'one@example.com', maxJobs: 1, credits: 100000 }] });
		const run = await session.run(batch({ waitMode: 'none', pollInterval: 1 }), { items: prompts(2) });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(['SUBMITTED', 'SUBMITTED']);
		expect(accepted()).toHaveLength(2);
	});
});
