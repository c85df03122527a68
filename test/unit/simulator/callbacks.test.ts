import { create, EMAIL, receiverFactory, useSimulator, waitFor } from './helpers';

const receiver = receiverFactory();

describe('simulator: replyUrl webhooks', () => {
	const sim = useSimulator({ renderMs: 100 });

	it('POSTs the GET-shaped record with replyRef once, at the final state', async () => {
		const hook = await receiver();
		const { body } = await create(sim(), { prompt: 'p', replyUrl: hook.url, replyRef: 'sheet-row-7' });
		await waitFor(() => hook.received.length === 1);
		expect(hook.received[0].body).toMatchObject({
			video_id: body.video_id,
			video_status_name: 'COMPLETED',
			video_status_final: true,
			url: expect.stringMatching(/\.mp4$/),
			replyRef: 'sheet-row-7',
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(hook.received).toHaveLength(1);
		expect(sim().callbacks()).toMatchObject([{ url: hook.url, videoId: body.video_id, final: true, copy: 1, status: 200 }]);
	});

	it('sends progress updates and duplicate final deliveries when asked', async () => {
		sim().configure({ renderMs: 1000, webhook: { progress: true, duplicates: 2 } });
		const hook = await receiver();
		await create(sim(), { prompt: 'p', replyUrl: hook.url });
		await waitFor(() => hook.received.length === 5);
		// Deliveries run concurrently, so only the set is certain, not the arrival order.
		const seen = hook.received.map((call) => `${call.body.video_status_name}:${call.body.video_status_final}`).sort();
		expect(seen).toEqual(['COMPLETED:true', 'COMPLETED:true', 'COMPLETED:true', 'GENERATING:false', 'QUEUED:false']);
	});

	it('uses the account default replyUrl and reports a MODERATED end', async () => {
		const hook = await receiver();
		sim().reset({ renderMs: 50, accounts: [{ email: EMAIL, maxJobs: 2, credits: 1000, replyUrl: hook.url }] });
		await create(sim(), { prompt: 'p [moderate]' });
		await waitFor(() => hook.received.length === 1);
		expect(hook.received[0].body).toMatchObject({ video_status: 7, video_status_name: 'MODERATED', video_status_final: true });
	});

	it('records dropped deliveries without sending them', async () => {
		sim().configure({ webhook: { drop: true } });
		const hook = await receiver();
		await create(sim(), { prompt: 'p', replyUrl: hook.url });
		await waitFor(() => sim().callbacks().length === 1);
		expect(sim().callbacks()[0]).toMatchObject({ dropped: true, final: true });
		expect(hook.received).toHaveLength(0);
	});

	it('tolerates receivers that fail or do not exist', async () => {
		const failing = await receiver(500);
		await create(sim(), { prompt: 'p', replyUrl: failing.url });
		await create(sim(), { prompt: 'p', replyUrl: 'http://127.0.0.1:1/nobody-listens' });
		await waitFor(() => sim().callbacks().length === 2);
		const records = sim().callbacks();
		expect(records.find((record) => record.url === failing.url)?.status).toBe(500);
		expect(records.find((record) => record.url.includes(':1/'))?.error).toBeDefined();
		expect((await create(sim(), { prompt: 'still running' })).status).toBe(200);
	});

	it('cancels deliveries still pending at a reset', async () => {
		sim().configure({ renderMs: 50, webhook: { delayMs: 300 } });
		const hook = await receiver();
		await create(sim(), { prompt: 'p', replyUrl: hook.url });
		await new Promise((resolve) => setTimeout(resolve, 150));
		sim().reset();
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(hook.received).toHaveLength(0);
		expect(sim().callbacks()).toEqual([]);
	});

	it('delays deliveries by delayMs', async () => {
		sim().configure({ webhook: { delayMs: 300 } });
		const hook = await receiver();
		await create(sim(), { prompt: 'p', replyUrl: hook.url });
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect(hook.received).toHaveLength(0);
		await waitFor(() => hook.received.length === 1);
	});

	it('keeps deliveries while held and sends them when released', async () => {
		const hook = await receiver();
		sim().configure({ webhook: { hold: true } });
		await create(sim(), { prompt: 'p', replyUrl: hook.url });
		await waitFor(() => sim().heldCallbacks() === 1);
		expect(hook.received).toHaveLength(0);
		expect(sim().callbacks()).toEqual([]);
		expect(sim().releaseCallbacks()).toBe(1);
		await waitFor(() => hook.received.length === 1);
		expect(hook.received[0].body).toMatchObject({ video_status_name: 'COMPLETED' });
		expect(sim().heldCallbacks()).toBe(0);
	});
});
