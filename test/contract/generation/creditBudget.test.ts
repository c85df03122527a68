/**
 * Options → Credit Budget (per Execution): before each submission the node adds what the item
 * counts (its published price, replaced by the answer's cost_credits once accepted) to what the
 * execution already had accepted; an item that would pass the budget is not sent.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { LogEntry } from '../../../simulator';
import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { createInputBinary, runNodeAgain, startWaitingServer } from '../harness';
import { simulatorSession, textToVideo } from '../simulatorSession';
import { submitVideo, waitUntilFinal } from '../simulatorVideos';

const prompts = (count: number, prefix = 'clip'): INodeExecutionData[] => Array.from({ length: count }, (_, index) => ({ json: { prompt: `${prefix} ${index + 1}` } }));
/** v6 at 720p for 5 s: 35 credits, published and charged alike. */
const budgeted = (creditBudget: number, extra: INodeParameters = {}) =>
	textToVideo({ prompt: '={{ $json.prompt }}', waitMode: 'none', options: { creditBudget }, ...extra });

describe('Credit Budget (per execution)', () => {
	const session = simulatorSession();
	const creates = () => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
	const accepted = () => creates().filter((entry) => entry.status === 200);
	const charged = () => (session.sim.state().jobs as Array<{ cost: number }>).reduce((sum, job) => sum + job.cost, 0);

	it('sends items while they fit; the others come out "Not submitted" with the numbers (Continue On Fail)', async () => {
		const run = await session.run(budgeted(100), { items: prompts(4), continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(accepted().map((entry) => entry.body!.prompt)).toEqual(['clip 1', 'clip 2']);
		expect(creates()).toHaveLength(2);
		const items = run.output![0];
		expect(items.slice(0, 2).map((item) => item.json.video_status_name)).toEqual(['SUBMITTED', 'SUBMITTED']);
		expect(items.slice(2).map((item) => item.json.error)).toEqual([
			'Not submitted: over the credit budget: 70 of 100 used, this item needs 35',
			'Not submitted: over the credit budget: 70 of 100 used, this item needs 35',
		]);
		expect(items[2].json.error_description).toMatch(/^Credit Budget \(options\.creditBudget\) is 100 credits for this execution\. .*This item counts 35: 7 credits per second at 720p x 5 s.*Nothing was sent or charged for this item/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('a cheaper item still fits after a dearer one did not', async () => {
		const run = await session.run(budgeted(60, { quality: '={{ $json.quality }}' }), {
			items: [{ json: { prompt: 'a', quality: '720p' } }, { json: { prompt: 'b', quality: '720p' } }, { json: { prompt: 'c', quality: '360p' } }],
			continueOnFail: true,
		});
		expect(run.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual([
			'SUBMITTED',
			'Not submitted: over the credit budget: 35 of 60 used, this item needs 35',
			'SUBMITTED',
		]);
		expect(charged()).toBe(55);
	});

	it('without Continue On Fail, the first item over the budget ends the run, naming every video accepted before it', async () => {
		const run = await session.run(budgeted(100), { items: prompts(4) });
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toBe('Not submitted: over the credit budget: 70 of 100 used, this item needs 35');
		expect(creates()).toHaveLength(2);
		const listed = /Other videos accepted in this run \(charged, not lost\): (.*?)\. Check them/.exec((run.error as NodeOperationError).description ?? '')?.[1] ?? '';
		const jobs = session.sim.state().jobs as Array<{ video_id: string }>;
		expect(jobs).toHaveLength(2);
		expect(listed.split(', ').sort()).toEqual(jobs.map((job) => job.video_id).sort());
	});

	it('counts the price the answer gave (cost_credits) instead of the estimate once an item is accepted', async () => {
		// Off-peak: estimated at 35 (no discount is assumed), charged 25 by the simulator (x0.7).
		const run = await session.run(budgeted(60, { offPeakMode: true }), { items: prompts(3), continueOnFail: true });
		const items = run.output![0];
		expect(items.slice(0, 2).map((item) => item.json.cost_credits)).toEqual([25, 25]);
		// Had the first kept its estimate, the second (35 + 35 > 60) would not have been sent.
		expect(accepted()).toHaveLength(2);
		expect(items[2].json.error).toBe('Not submitted: over the credit budget: 50 of 60 used, this item needs 35');
	});

	/** When the simulator received a request, and when it had answered it: two instants on its clock. */
	const arrivedAt = (entry: LogEntry) => Date.parse(entry.time);
	const answeredAt = (entry: LogEntry) => Date.parse(entry.time) + entry.durationMs!;
	const peakInFlight = () => {
		const inFlight = creates().map((entry) => ({ from: arrivedAt(entry), to: answeredAt(entry) }));
		return Math.max(...inFlight.map((request) => inFlight.filter((other) => other.from <= request.from && request.from < other.to).length));
	};

	it('items of one wave reserve their credits before they are sent: a parallel wave never passes the budget', async () => {
		await session.sim.reset({ renderMs: 2000, accounts: [{ email: 'eight@example.com', maxJobs: 8, credits: 100000 }] });
		// Answers come late, so the submissions of a wave are in flight together.
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'slow', delayMs: 400, phase: 'after', times: 8 });
		const run = await session.run(budgeted(140), { items: prompts(8), continueOnFail: true });
		expect(peakInFlight()).toBeGreaterThan(1);
		expect(creates()).toHaveLength(4);
		expect(charged()).toBe(140);
		expect(run.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual([
			...Array(4).fill('SUBMITTED'),
			...Array(4).fill('Not submitted: over the credit budget: 140 of 140 used, this item needs 35'),
		]);
	});

	it('a refused request frees its credits; a lost answer keeps them counted, since it may have charged', async () => {
		// The first POST is refused (422, nothing charged); the budget still lets two more through.
		const refused = await session.run(budgeted(70), { items: [{ json: { prompt: 'bad [reject]' } }, ...prompts(3)], continueOnFail: true });
		expect(refused.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual([
			'PixVerse moderated the request', 'SUBMITTED', 'SUBMITTED', 'Not submitted: over the credit budget: 70 of 70 used, this item needs 35',
		]);

		await session.sim.reset({ renderMs: 300 });
		// The first POST's answer is lost and its job not found: its 35 credits stay counted.
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'reset' });
		const lost = await session.run(budgeted(70), { items: prompts(3), continueOnFail: true });
		const items = lost.output![0];
		expect(items[0].json.error).toMatch(/^The answer to POST \/videos\/create was lost/);
		expect(items[1].json.video_status_name).toBe('SUBMITTED');
		expect(items[2].json.error).toBe('Not submitted: over the credit budget: 70 of 70 used, this item needs 35');
		expect(creates()).toHaveLength(2);
	});

	it('Resume When PixVerse Calls Back: every submission happens before the execution parks, and the resume sends nothing', async () => {
		const waiting = await startWaitingServer();
		try {
			// Renders last long enough for the node to park.
			await session.sim.reset({ renderMs: 3000 });
			const parked = await session.run(budgeted(70, { waitMode: 'callback', waitTimeout: 10, download: false }), {
				items: prompts(3),
				continueOnFail: true,
				additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl },
			});
			expect(parked.error).toBeUndefined();
			expect(parked.harness.runExecutionData.waitTill).toBeDefined();
			expect(creates()).toHaveLength(2);
			waiting.attach(parked, new PixVerse());
			const output = await waiting.resumed();
			expect(output.map((item) => item.json.error ?? item.json.video_status_name)).toEqual([
				'COMPLETED', 'COMPLETED', 'Not submitted: over the credit budget: 70 of 70 used, this item needs 35',
			]);
			expect(creates()).toHaveLength(2);
			expect(charged()).toBe(70);
		} finally {
			await waiting.close();
		}
	});

	it('a node that runs again in the same execution (Loop Over Items) counts what its earlier runs had accepted', async () => {
		const withQuality = (quality: string, items: INodeExecutionData[]) => items.map((item) => ({ json: { ...item.json, quality } }));
		const first = await session.run(budgeted(100, { quality: '={{ $json.quality }}' }), { items: withQuality('720p', prompts(2, 'first')), continueOnFail: true });
		expect(first.output![0].map((item) => item.json.video_status_name)).toEqual(['SUBMITTED', 'SUBMITTED']);
		// The next batch at 360p: 20 credits each. 70 + 20 fits, 90 + 20 does not.
		const second = await runNodeAgain(first, withQuality('360p', prompts(2, 'second')));
		expect(second.error).toBeUndefined();
		expect(second.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual([
			'SUBMITTED',
			'Not submitted: over the credit budget: 90 of 100 used, this item needs 20',
		]);
		expect(accepted().map((entry) => [entry.body!.prompt, entry.body!.quality])).toEqual([['first 1', '720p'], ['first 2', '720p'], ['second 1', '360p']]);
	});

	describe('models and operations without a published price', () => {
		it('with a budget, an item of a model without a price is refused before any request, naming the option, the model and what is allowed', async () => {
			const run = await session.run(budgeted(500, { model: 'kling-v3' }));
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe(
				'No credit price is published for model "kling-v3", so the Credit Budget cannot count it; allowed with a budget: the models with a published price, v6, v5.5, v5, seedance-2.0. Or set Credit Budget to 0 (no budget)',
			);
			expect((run.error as NodeOperationError).description).toBe('Set by parameter "options.creditBudget", value 500.\nNothing was sent to PixVerse and no credits were used.');
			expect(session.apiRequests()).toHaveLength(0);
		});

		it('under Continue On Fail only that item fails; the priced ones are sent', async () => {
			const run = await session.run(budgeted(500, { model: '={{ $json.model }}' }), {
				items: [{ json: { prompt: 'a', model: 'v6' } }, { json: { prompt: 'b', model: 'kling-v3' } }],
				continueOnFail: true,
			});
			expect(run.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual(['SUBMITTED', expect.stringMatching(/^No credit price is published for model "kling-v3"/)]);
			expect(creates().map((entry) => entry.body!.model)).toEqual(['v6']);
		});

		it('an operation without a price (Lip Sync) is refused with a budget, and runs without one', async () => {
			const lipsync = (source: INodeParameters, options: INodeParameters): INodeParameters => ({
				resource: 'video', operation: 'lipsync', ...source, audioSource: 'tts', speechText: 'Hello', speakerId: '2', waitMode: 'none', options,
			});
			const refused = await session.run(lipsync({ videoSource: 'path', videoPath: 'upload/clip.mp4' }, { creditBudget: 100 }));
			expect(refused.error!.message).toMatch(/^No credit price is published for Lip Sync, so the Credit Budget cannot count it; allowed with a budget: Create, .*; Upscale\. Or set Credit Budget to 0 \(no budget\)$/);
			expect(session.apiRequests()).toHaveLength(0);
			const videoId = await submitVideo(session.sim, { model: 'v5' });
			await waitUntilFinal(session.sim, videoId);
			session.sim.clearLog();
			const unlimited = await session.run(lipsync({ videoSource: 'id', videoId }, { creditBudget: 0 }));
			expect(unlimited.error).toBeUndefined();
			expect(creates()).toHaveLength(1);
		});

		it('a budget that is not a number of credits is refused before any request', async () => {
			const run = await session.run(budgeted(-5));
			expect(run.error!.message).toBe('Credit Budget is -5; allowed: a number of credits above 0, or 0 for no budget');
			expect(session.apiRequests()).toHaveLength(0);
		});
	});

	describe('operations priced by their own tables', () => {
		it('Upscale counts the published upscale price of the source video\'s length', async () => {
			const sources = [await submitVideo(session.sim, { duration: 5 }), await submitVideo(session.sim, { duration: 5 })];
			for (const videoId of sources) await waitUntilFinal(session.sim, videoId);
			session.sim.clearLog();
			const run = await session.run(
				{ resource: 'video', operation: 'upscale', videoId: '={{ $json.videoId }}', waitMode: 'none', options: { creditBudget: 45 } },
				{ items: sources.map((videoId) => ({ json: { videoId } })), continueOnFail: true },
			);
			expect(run.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual(['SUBMITTED', 'Not submitted: over the credit budget: 30 of 45 used, this item needs 30']);
			expect(run.output![0][1].json.error_description).toContain('30 credits to upscale a 5 s video to 4K');
		});

		it('Create From Effect counts the template\'s catalog cost', async () => {
			const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
			const photo = async () => ({ json: {}, binary: { data: await createInputBinary(png, 'photo.png', 'image/png') } });
			const run = await session.run(
				{ resource: 'video', operation: 'createFromEffect', effect: { __rl: true, mode: 'list', value: '315001' }, imagesSource: 'binary', imagesBinaryFields: 'data', waitMode: 'none', options: { creditBudget: 50 } },
				{ items: [await photo(), await photo()], continueOnFail: true },
			);
			expect(run.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual(['SUBMITTED', 'Not submitted: over the credit budget: 30 of 50 used, this item needs 30']);
			expect(run.output![0][1].json.error_description).toContain('Effects catalog: video_base_cost 30 + fixed_cost 0');
		});
	});
});
