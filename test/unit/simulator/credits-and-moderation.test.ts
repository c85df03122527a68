import type { Simulator } from '../../../simulator';
import { call, create, EMAIL, finalRecord, getVideo, useSimulator } from './helpers';

const balance = async (sim: Simulator): Promise<number> => (await call(sim, 'GET', '/v2/pixverse/features')).body.credit_package;

describe('simulator: credits (412) and moderation (422, MODERATED, FAILED)', () => {
	const sim = useSimulator({ renderMs: 80, accounts: [{ email: EMAIL, maxJobs: 8, credits: 100 }] });

	it('shows the balance in /features and charges by the documented price list', async () => {
		const features = await call(sim(), 'GET', '/v2/pixverse/features');
		expect(features.body).toMatchObject({ credit_package: 100, credit_daily: 0, credit_monthly: 0, gen_simultaneously: 8, off_peak_discount: '0.7' });
		const v6 = await create(sim(), { prompt: 'p', model: 'v6', quality: '540p', duration: 4 });
		expect(v6.body.cost_credits).toBe(24); // 6 credits/s x 4 s
		const v5 = await create(sim(), { prompt: 'p', model: 'v5.5', quality: '360p', duration: 10 });
		expect(v5.body.cost_credits).toBe(40); // 20 per 5 s
		const offPeak = await create(sim(), { prompt: 'p', model: 'v6', quality: '360p', duration: 5, off_peak_mode: true });
		expect(offPeak.body.cost_credits).toBe(14); // 20 x 0.7
		expect(await balance(sim())).toBe(100 - 24 - 40 - 14);
	});

	it('answers 412 with the useapi message when the balance is too low, charging nothing', async () => {
		const response = await create(sim(), { prompt: 'p', model: 'v6', quality: '1080p', duration: 10 });
		expect(response.status).toBe(412);
		expect(response.body).toEqual({
			error: 'All Credits have been used up. Please upgrade your membership or purchase credits.',
			code: 412,
		});
		expect(await balance(sim())).toBe(100);
	});

	it('answers 422 at submit for a [reject] prompt and charges nothing', async () => {
		const response = await create(sim(), { prompt: 'a scene [reject]' });
		expect(response.status).toBe(422);
		expect(response.body).toEqual({ error: 'Moderated prompt', code: 422 });
		expect(await balance(sim())).toBe(100);
		expect((await call(sim(), 'GET', '/v2/pixverse/scheduler')).body).toEqual([]);
	});

	it.each([
		['[moderate]', 7, 'MODERATED'],
		['[FAIL]', 8, 'FAILED'],
	])('ends a %s job as %s and gives the credits back', async (marker, status, name) => {
		// Charged at submit: a job that renders for a minute surely still renders when the balance is read, however busy the machine.
		sim().configure({ renderMs: 60_000 });
		expect((await create(sim(), { prompt: `a scene ${marker}`, duration: 2 })).status).toBe(200);
		expect(await balance(sim())).toBe(86);
		// The credits come back when it ends: a second one, rendering briefly, costs nothing in the end.
		sim().configure({ renderMs: 80 });
		const response = await create(sim(), { prompt: `a scene ${marker}`, duration: 2 });
		expect(response.status).toBe(200);
		const record = await finalRecord(sim(), response.body.video_id);
		expect(record).toMatchObject({ video_status: status, video_status_name: name, video_status_final: true, url: '', output_width: 0 });
		expect(await balance(sim())).toBe(86);
	});

	it('reads markers from the configured lists', async () => {
		sim().configure({ moderation: { reject: ['forbidden-word'] } });
		expect((await create(sim(), { prompt: 'a Forbidden-Word here' })).status).toBe(422);
		expect((await create(sim(), { prompt: 'now [reject] is harmless' })).status).toBe(200);
	});

	it('keeps a completed job charged', async () => {
		const response = await create(sim(), { prompt: 'fine', duration: 2 });
		await finalRecord(sim(), response.body.video_id);
		expect((await getVideo(sim(), response.body.video_id)).body.video_status_name).toBe('COMPLETED');
		expect(await balance(sim())).toBe(86);
	});
});
