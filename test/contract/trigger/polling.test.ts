import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadOptions, readBinaryData } from '../harness';
import { PixVerseTrigger } from '../../../nodes/PixVerseTrigger/PixVerseTrigger.node';
import { simulatorSession, TOKEN } from '../simulatorSession';
import { prepareSimulatorTrigger, submitVideo, videosFinished } from '../triggerSession';
import { call, waitFor } from '../../unit/simulator/helpers';

const DEMO = 'demo@example.com';
const OTHER = 'second@example.com';
const MP4_BYTES = 120_000;

const polling = (extra: IDataObject = {}) => ({ mode: 'polling', ...extra });
const events = (output: INodeExecutionData[][] | null) => (output?.[0] ?? []).map((item) => [item.json.event, item.json.video_id]);

/** A render that outlasts the trigger's next poll however busy the machine (the default 200 ms keeps the rest quick). */
const STILL_RENDERING_MS = 3000;

describe('PixVerse Trigger, polling mode', () => {
	const session = simulatorSession({
		renderMs: 200,
		mp4Bytes: MP4_BYTES,
		accounts: [
			{ email: DEMO, maxJobs: 1000, credits: 10_000_000 },
			{ email: OTHER, maxJobs: 8, credits: 1_000_000 },
		],
	});
	const trigger = (parameters: IDataObject = {}) => prepareSimulatorTrigger(session.sim, polling(parameters));

	it('does not emit the videos that existed at activation, then emits each new video once, when it is final', async () => {
		const old = [await submitVideo(session.sim, { email: DEMO }), await submitVideo(session.sim, { email: DEMO })];
		await videosFinished(session.sim, old);
		const harness = await trigger({ account: DEMO });

		expect(await harness.poll('trigger', 'activate')).toBeNull();
		expect(harness.staticData().accounts).toMatchObject({ [DEMO]: { pending: {} } });

		// Renders long enough to be still rendering at the next poll on a busy machine.
		session.sim.configure({ renderMs: STILL_RENDERING_MS });
		const fresh = await submitVideo(session.sim, { email: DEMO, replyRef: 'r1' });
		expect(await harness.poll()).toBeNull(); // still rendering: watched, not emitted
		await videosFinished(session.sim, [fresh]);
		const output = await harness.poll();
		expect(events(output)).toEqual([['completed', fresh]]);
		expect(output![0][0].json).toMatchObject({ video_status_name: 'COMPLETED', replyRef: 'r1', url: expect.stringMatching(/\.mp4$/) });
		expect(await harness.poll()).toBeNull();
	});

	it('emits a video that was still rendering at activation when it finishes', async () => {
		session.sim.configure({ renderMs: STILL_RENDERING_MS });
		const running = await submitVideo(session.sim, { email: DEMO });
		const harness = await trigger({ account: DEMO });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		await videosFinished(session.sim, [running]);
		expect(events(await harness.poll())).toEqual([['completed', running]]);
	});

	it('reads page after page, so a burst of videos finishing between two polls is emitted in full, oldest first', async () => {
		const harness = await trigger({ account: DEMO });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		const burst: string[] = [];
		for (let index = 0; index < 120; index++) burst.push(await submitVideo(session.sim, { email: DEMO }));
		await videosFinished(session.sim, burst);

		const output = await harness.poll();
		expect(events(output)).toEqual(burst.map((id) => ['completed', id]));
		const listed = session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/videos?'));
		expect(listed.length).toBeGreaterThanOrEqual(3);
		expect(await harness.poll()).toBeNull();
	});

	it('keeps its cursor in static data: after a restart it neither repeats nor misses videos', async () => {
		const harness = await trigger({ account: DEMO });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		const before = await submitVideo(session.sim, { email: DEMO });
		await videosFinished(session.sim, [before]);
		expect(events(await harness.poll())).toEqual([['completed', before]]);

		harness.restart();
		const during = await submitVideo(session.sim, { email: DEMO });
		await videosFinished(session.sim, [during]);
		expect(events(await harness.poll())).toEqual([['completed', during]]);
	});

	it('catches up after an n8n restart, but starts from scratch when the user activates the workflow again', async () => {
		const harness = await trigger({ account: DEMO });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		const whileRestarting = await submitVideo(session.sim, { email: DEMO });
		await videosFinished(session.sim, [whileRestarting]);
		harness.restart();
		expect(events(await harness.poll('trigger', 'init'))).toEqual([['completed', whileRestarting]]);

		const whileOff = await submitVideo(session.sim, { email: DEMO });
		await videosFinished(session.sim, [whileOff]);
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		expect(await harness.poll('trigger', 'update')).toBeNull();
		const afterwards = await submitVideo(session.sim, { email: DEMO });
		await videosFinished(session.sim, [afterwards]);
		expect(events(await harness.poll('trigger', 'update'))).toEqual([['completed', afterwards]]);
	});

	it('watches every account when none is chosen, each with its own cursor', async () => {
		const harness = await trigger();
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		const videos = [await submitVideo(session.sim, { email: DEMO }), await submitVideo(session.sim, { email: OTHER })];
		await videosFinished(session.sim, videos);
		expect(events(await harness.poll())).toEqual(videos.map((id) => ['completed', id]));
		expect(Object.keys(harness.staticData().accounts as IDataObject).sort()).toEqual([DEMO, OTHER]);

		const single = await trigger({ account: OTHER });
		expect(await single.poll('trigger', 'activate')).toBeNull();
		const mine = [await submitVideo(session.sim, { email: DEMO }), await submitVideo(session.sim, { email: OTHER })];
		await videosFinished(session.sim, mine);
		expect(events(await single.poll())).toEqual([['completed', mine[1]]]);
	});

	it('filters by status, model and replyRef, and can report progress', async () => {
		const harness = await trigger({ account: DEMO, statuses: ['failed', 'moderated'], filters: { models: ['v5.6'], replyRef: 'batch' } });
		const progress = await trigger({ account: DEMO, options: { includeProgress: true } });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		expect(await progress.poll('trigger', 'activate')).toBeNull();

		// Long enough that all five still render when the progress poll runs, even on a busy machine.
		session.sim.configure({ renderMs: 5000 });
		const videos = {
			completed: await submitVideo(session.sim, { email: DEMO, model: 'v5.6', replyRef: 'batch' }),
			failed: await submitVideo(session.sim, { email: DEMO, model: 'v5.6', replyRef: 'batch', prompt: 'a [fail] take' }),
			moderated: await submitVideo(session.sim, { email: DEMO, model: 'v5.6', replyRef: 'batch', prompt: 'a [moderate] take' }),
			otherModel: await submitVideo(session.sim, { email: DEMO, model: 'v6', replyRef: 'batch', prompt: 'a [fail] take' }),
			otherRef: await submitVideo(session.sim, { email: DEMO, model: 'v5.6', replyRef: 'other', prompt: 'a [fail] take' }),
		};
		const running = await progress.poll();
		expect(events(running).every(([event]) => event === 'progress')).toBe(true);
		expect(events(running).map(([, id]) => id)).toEqual(Object.values(videos));

		await videosFinished(session.sim, Object.values(videos), 60_000);
		expect(events(await harness.poll())).toEqual([
			['failed', videos.failed],
			['moderated', videos.moderated],
		]);
		expect(events(await progress.poll()).map(([event]) => event)).toEqual(['completed', 'failed', 'moderated', 'failed', 'failed']);
	});

	it('filters by a replyRef prefix ending in *: the videos of one execution that crashed', async () => {
		const harness = await trigger({ account: DEMO, filters: { replyRef: 'n8n-execution-42-*' } });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		const ofExecution = [
			await submitVideo(session.sim, { email: DEMO, replyRef: 'n8n-execution-42-abcdefgh-item-0' }),
			await submitVideo(session.sim, { email: DEMO, replyRef: 'n8n-execution-42-ijklmnop-item-1' }),
		];
		const others = [await submitVideo(session.sim, { email: DEMO, replyRef: 'n8n-execution-421-abcdefgh-item-0' }), await submitVideo(session.sim, { email: DEMO })];
		await videosFinished(session.sim, [...ofExecution, ...others]);
		expect(events(await harness.poll())).toEqual(ofExecution.map((id) => ['completed', id]));
	});

	it('downloads completed videos when asked', async () => {
		const harness = await trigger({ account: DEMO, options: { download: true } });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		const video = await submitVideo(session.sim, { email: DEMO });
		await videosFinished(session.sim, [video]);
		const [item] = (await harness.poll())![0];
		expect((await readBinaryData(item.binary!.data)).length).toBe(MP4_BYTES);
	});

	describe('"Fetch Test Event" (manual mode)', () => {
		it('returns the newest finished video that passes the filters, whatever the cursor says', async () => {
			const first = await submitVideo(session.sim, { email: DEMO, model: 'v5.6' });
			const second = await submitVideo(session.sim, { email: DEMO, model: 'v6' });
			await submitVideo(session.sim, { email: DEMO, model: 'v6', off_peak_mode: true }); // renders ten times longer
			await videosFinished(session.sim, [first, second]);
			const harness = await trigger({ account: DEMO });
			expect(events(await harness.poll('manual', 'manual'))).toEqual([['completed', second]]);
			const v56 = await trigger({ account: DEMO, filters: { models: ['v5.6'] } });
			expect(events(await v56.poll('manual', 'manual'))).toEqual([['completed', first]]);
			expect(harness.staticData()).toEqual({});
		});

		it('says so when no finished video passes the filters', async () => {
			const harness = await trigger({ account: DEMO, statuses: ['moderated'] });
			await expect(harness.poll('manual', 'manual')).rejects.toThrow(NodeOperationError);
			await expect(harness.poll('manual', 'manual')).rejects.toThrow(/No finished video passes the trigger filters yet/);
		});
	});

	it('lists the accounts to watch, after "All Accounts"', async () => {
		const options = await loadOptions(new PixVerseTrigger(), 'getWatchedAccounts', {
			credentials: { useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } },
		});
		expect(options.map((option) => option.value)).toEqual(['', DEMO, OTHER]);
		expect(options[0].name).toBe('All Accounts');
	});

	it('with Kinds images and music, reads those lists with cursors of their own and emits each finished image and track once; speech and videos are not read', async () => {
		const create = async (resource: string, body: IDataObject, idField: string) => {
			const response = await call(session.sim, 'POST', `/v2/pixverse/${resource}/create`, { email: DEMO, ...body });
			return String(response.body[idField]);
		};
		const allFinal = (ids: string[]) => waitFor(() => ids.every((id) => (session.sim.state().jobs as IDataObject[]).some((job) => Object.values(job).includes(id) && job.finishedAt)));
		const [before] = (await call(session.sim, 'POST', '/v2/pixverse/images/create', { email: DEMO, prompt: 'old' })).body.success_ids as string[];
		await allFinal([before]);
		const harness = await trigger({ account: DEMO, filters: { kinds: ['image', 'music'] } });
		expect(await harness.poll('trigger', 'activate')).toBeNull();
		expect(Object.keys(harness.staticData())).toEqual(expect.arrayContaining(['imageAccounts', 'musicAccounts']));
		expect(harness.staticData()).not.toHaveProperty('accounts');

		const image = (await call(session.sim, 'POST', '/v2/pixverse/images/create', { email: DEMO, prompt: 'new' })).body.success_ids as string[];
		const speech = await create('speech', { text: 'hello', voice_id: 'v' }, 'audio_id');
		const music = await create('music', { prompt: 'calm piano' }, 'audio_id');
		const video = await submitVideo(session.sim, { email: DEMO });
		await allFinal([...image, speech, music, video]);
		session.sim.clearLog();
		const output = await harness.poll();
		expect(events(output)).toEqual([
			['completed', image[0]],
			['completed', music],
		]);
		expect(output![0].map((item) => item.json.result_type)).toEqual(['image', 'music']);
		expect(session.apiRequests().map((entry) => entry.path.split('?')[0])).toEqual(expect.arrayContaining(['/v2/pixverse/images', '/v2/pixverse/music']));
		expect(session.apiRequests().some((entry) => /\/(videos|speech)(\?|$)/.test(entry.path))).toBe(false);
		expect(await harness.poll()).toBeNull();
	});
});
