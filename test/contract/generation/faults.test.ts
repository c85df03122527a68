/**
 * Faults injected into the simulator during batches. Whatever happens, three things hold: every
 * video the simulator accepted is in the output (or in the error), no generation was sent twice,
 * and an error about a video names it.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { NodeRun } from '../harness';
import { simulatorSession, textToVideo } from '../simulatorSession';

const prompts = (...texts: string[]) => texts.map((prompt) => ({ json: { prompt } }));
const batch = (extra = {}) => textToVideo({ prompt: '={{ $json.prompt }}', download: false, ...extra });

describe('fault injection during batches', () => {
	const session = simulatorSession({ mp4Bytes: 64_000 });

	function acceptedIds(): string[] {
		return (session.sim.state().jobs as Array<{ video_id: string }>).map((job) => job.video_id);
	}

	function expectNothingLostNothingPaidTwice(run: NodeRun) {
		const items: INodeExecutionData[] = run.output?.[0] ?? [];
		const seen = JSON.stringify({ items: items.map((item) => item.json), error: run.error && { message: run.error.message, description: (run.error as { description?: string }).description } });
		for (const videoId of acceptedIds()) expect(seen).toContain(videoId);
		const generations = session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/') && entry.status !== 429);
		const prompts = generations.map((entry) => entry.body!.prompt);
		expect(new Set(prompts).size).toBe(prompts.length);
	}

	it('rides out a storm of 429s on submit', async () => {
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'status', status: 429, times: 6, retryAfter: 0 });
		const run = await session.run(batch({ pollInterval: 1 }), { items: prompts('a', 'b', 'c') });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
		expect(acceptedIds()).toHaveLength(3);
		expectNothingLostNothingPaidTwice(run);
	});

	it.each([
		['5xx', { kind: 'status', status: 500, times: 4, retryAfter: 0 }],
		['resets', { kind: 'reset', times: 2 }],
		['slow answers', { kind: 'slow', delayMs: 1500, times: 2 }],
		['malformed JSON', { kind: 'malformed', times: 2 }],
	])('keeps every id through %s while polling', async (_label, fault) => {
		session.sim.addFault({ method: 'GET', path: 'pixverse/videos/user', ...(fault as object) } as never);
		const run = await session.run(batch(), { items: prompts('a', 'b') });
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED']);
		expectNothingLostNothingPaidTwice(run);
	});

	it('stops at 412 mid-batch and still waits for what was accepted', async () => {
		await session.sim.reset({ renderMs: 300, mp4Bytes: 64_000, accounts: [{ email: 'low@example.com', maxJobs: 8, credits: 80 }] });
		const run = await session.run(batch(), { items: prompts('a', 'b', 'c', 'd'), continueOnFail: true });
		expect(acceptedIds()).toHaveLength(2);
		expect(run.output![0].map((item) => item.json.video_status_name ?? 'error')).toEqual(['COMPLETED', 'COMPLETED', 'error', 'error']);
		expectNothingLostNothingPaidTwice(run);
	});

	it('without continueOnFail, a 412 mid-batch names the videos already accepted', async () => {
		await session.sim.reset({ renderMs: 300, mp4Bytes: 64_000, accounts: [{ email: 'low@example.com', maxJobs: 8, credits: 80 }] });
		const run = await session.run(batch(), { items: prompts('a', 'b', 'c') });
		expect(run.error!.message).toBe('The PixVerse account is out of credits');
		expectNothingLostNothingPaidTwice(run);
	});

	it('fails only the item refused at submit (422)', async () => {
		const run = await session.run(batch(), { items: prompts('a', 'refused [reject]', 'c'), continueOnFail: true });
		expect(run.output![0][1].json.error).toBe('PixVerse moderated the request');
		expect(acceptedIds()).toHaveLength(2);
		expectNothingLostNothingPaidTwice(run);
	});

	it('names the id of FAILED and MODERATED videos', async () => {
		const run = await session.run(batch(), { items: prompts('fine', 'breaks [fail]', 'blocked [moderate]'), continueOnFail: true });
		const [fine, failed, moderated] = run.output![0];
		expect(fine.json.video_status_name).toBe('COMPLETED');
		expect(failed.json.error).toContain(String(failed.json.video_id));
		expect(failed.json.video_status_name).toBe('FAILED');
		expect(moderated.json.error).toContain(String(moderated.json.video_id));
		expect(moderated.json.video_status_name).toBe('MODERATED');
		expectNothingLostNothingPaidTwice(run);
	});

	it('downloads again after a transfer cut mid-stream', async () => {
		session.sim.addFault({ method: 'GET', path: '/media/', kind: 'truncate', afterBytes: 10_000, times: 1 });
		const run = await session.run(batch({ download: true }), { items: prompts('a') });
		expect(run.error).toBeUndefined();
		expect((await run.readBinary(run.output![0][0], 'video')).length).toBe(64_000);
		expectNothingLostNothingPaidTwice(run);
	});

	it('reports a download that keeps failing as an error naming the video, which stays safe', async () => {
		session.sim.addFault({ method: 'GET', path: '/media/', kind: 'truncate', afterBytes: 10_000, times: 10 });
		const run = await session.run(batch({ download: true }), { items: prompts('a'), continueOnFail: true });
		const [item] = run.output![0];
		expect(item.json.error).toMatch(/^Video user:1-pixverse:demo@example\.com-video:\d+ is finished but its download failed/);
		expect(item.json.video_id).toBe(acceptedIds()[0]);
		expectNothingLostNothingPaidTwice(run);
	});
});
