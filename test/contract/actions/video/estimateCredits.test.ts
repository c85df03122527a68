import { NodeOperationError } from 'n8n-workflow';

import { simulatorSession } from '../../simulatorSession';
import { submitVideo } from '../../simulatorVideos';

describe('Video > Estimate Credits against the simulator', () => {
	const session = simulatorSession();
	const estimate = (extra: Record<string, unknown>) => ({ resource: 'video', operation: 'estimateCredits', ...extra });

	it('prices a v6 Create without any request, matching what the API then charges', async () => {
		const run = await session.run(estimate({ estimateFor: 'create', model: 'v6', quality: '720p', duration: 5, audio: true }));
		expect(run.error).toBeUndefined();
		expect(run.output![0][0].json).toMatchObject({ estimate_for: 'create', model: 'v6', quality: '720p', duration: 5, credits: 35, known: true, budget_credits: 35 });
		expect(session.apiRequests()).toHaveLength(0);

		await submitVideo(session.sim, { model: 'v6', quality: '720p', duration: 5, audio: true });
		const [job] = session.sim.state().jobs as Array<{ cost: number }>;
		expect(job.cost).toBe(35);
	});

	it('uses the model defaults when quality and duration are left out', async () => {
		const run = await session.run(estimate({ estimateFor: 'create', model: 'v6' }));
		expect(run.output![0][0].json).toMatchObject({ quality: '720p', duration: 5, credits: 35 });
	});

	it('says when no price is published for a model', async () => {
		const run = await session.run(estimate({ estimateFor: 'create', model: 'kling-o3', quality: '1080p', duration: 10 }));
		expect(run.output![0][0].json).toMatchObject({ model: 'kling-o3', quality: '1080p', duration: 10, credits: null, known: false, budget_credits: null });
		expect(run.output![0][0].json.basis).toMatch(/No credit price is published for model "kling-o3"/);
	});

	it('says what a Credit Budget counts where no price is published for the settings: the dearest rate of the model', async () => {
		const run = await session.run(estimate({ estimateFor: 'create', model: 'v5.5', quality: '720p', duration: 5 }));
		expect(run.output![0][0].json).toMatchObject({ credits: null, known: false, budget_credits: 40 });
	});

	it('refuses a combination the model does not allow, naming the allowed values', async () => {
		const run = await session.run(estimate({ estimateFor: 'create', model: 'v5.6', quality: '1080p', duration: 10 }));
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toBe('Duration 10 s is not available on model "v5.6" at 1080p; allowed: 1 to 8 seconds');
	});

	it('prices an effect template from the catalog, generating nothing', async () => {
		const run = await session.run(estimate({ estimateFor: 'effect', effect: { __rl: true, mode: 'id', value: '315003' } }));
		expect(run.output![0][0].json).toMatchObject({
			estimate_for: 'effect',
			template_id: 315003,
			display_name: 'Group Dance',
			model: 'v6',
			quality: '720p',
			duration: 5,
			credits: 50,
			known: true,
			budget_credits: 50,
		});
		const requests = session.apiRequests();
		expect(requests.every((entry) => entry.method === 'GET')).toBe(true);
		expect(requests.filter((entry) => entry.path.startsWith('/v2/pixverse/videos/effects'))).toHaveLength(1);
	});

	it('reads the catalog once for many items, and names an unknown template', async () => {
		const run = await session.run(estimate({ estimateFor: 'effect', effect: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }), {
			items: [{ json: { id: 315001 } }, { json: { id: 315004 } }, { json: { id: 1 } }],
			continueOnFail: true,
		});
		const [earth, venom, unknown] = run.output![0].map((item) => item.json);
		expect(earth).toMatchObject({ credits: 30, known: true });
		expect(venom).toMatchObject({ credits: 35, duration: 8 });
		expect(unknown.error).toBe('Effect template "1" is not in the effects catalog');
		expect(session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/videos/effects'))).toHaveLength(1);
	});

	it('prices an upscale by the video length', async () => {
		const known = await session.run(estimate({ estimateFor: 'upscale', sourceDuration: 8 }));
		expect(known.output![0][0].json).toMatchObject({ estimate_for: 'upscale', duration: 8, credits: 60, known: true });
		const unknown = await session.run(estimate({ estimateFor: 'upscale', sourceDuration: 3 }));
		expect(unknown.output![0][0].json).toMatchObject({ credits: null, known: false, budget_credits: 23 });
	});
});
