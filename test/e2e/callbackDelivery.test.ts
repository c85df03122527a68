/**
 * "Resume When PixVerse Calls Back" in a real n8n when the callbacks come duplicated, out of order
 * or not at all: `n8n execute` parks the example, the n8n server resumes it exactly once (at the
 * deadline when no callback comes), every accepted id comes out, no POST is sent twice, and a
 * failed video is named in its error.
 */
import { useN8nTestEnvironment, waitFor } from './helpers';
import { parkedRuns, resumeVariant } from './helpers/parkedRuns';

const SIMULATOR = { renderMs: 4000, offPeakRenderMs: 9000 };

const DUPLICATED = resumeVariant('pvResumeVariant1', ['A kite over dunes', 'A broken take [fail]'], { download: false });
const NEVER_ARRIVE = resumeVariant('pvResumeVariant3', ['Fog rolling over hills', 'Rain on a tin roof'], { waitTimeout: 0.1 });
const OUT_OF_ORDER = resumeVariant('pvResumeVariant2', ['A quick sketch', 'A slow off-peak render'], { download: false, offPeakMode: '={{ $json.prompt.includes("off-peak") }}' });

describe('Resume When PixVerse Calls Back, callbacks duplicated, out of order or never arriving, in a real n8n server', () => {
	const n8n = useN8nTestEnvironment({ workflows: [NEVER_ARRIVE, DUPLICATED, OUT_OF_ORDER], simulator: SIMULATOR, server: {} });
	const { parkAndFinish, acceptedIds, lastRun, parkedIds } = parkedRuns(n8n);

	beforeEach(() => {
		n8n.simulator.reset(SIMULATOR);
	});

	it('duplicated callbacks: one resume, every id out, no POST twice, a failed video named in its error', async () => {
		n8n.simulator.configure({ webhook: { duplicates: 2, progress: true } });
		const { parked, finished } = await parkAndFinish(DUPLICATED.id, 60_000);
		const ids = parkedIds(parked);
		expect(acceptedIds()).toEqual([200, 200]);

		const items = lastRun(finished);
		expect(items.map((item) => item.json.video_id)).toEqual(ids);
		expect(items[0].json).toMatchObject({ video_status_name: 'COMPLETED' });
		expect(items[1].json).toMatchObject({ video_status_name: 'FAILED', error: expect.stringContaining(`Video ${ids[1]} failed`) });
		await waitFor('every callback answered', async () => (n8n.simulator.callbacks().every((callback) => callback.status || callback.error) ? true : undefined), 10_000);
		const finals = n8n.simulator.callbacks().filter((callback) => callback.final);
		expect(finals).toHaveLength(6);
		// Every final callback came while the execution was parked (or after it resumed, which n8n refuses
		// with 409). The QUEUED update at submission finds the execution still running: n8n 2.41 answers 500.
		expect(finals.map((callback) => callback.status)).toEqual(finals.map((callback) => (callback.status === 409 ? 409 : 200)));
	});

	it('callbacks out of order (progress after the final one, videos finishing apart): every id out, no POST twice', async () => {
		n8n.simulator.configure({ webhook: { progress: true, progressAfterFinal: true } });
		const { parked, finished } = await parkAndFinish(OUT_OF_ORDER.id, 90_000);
		const ids = parkedIds(parked);
		expect(acceptedIds()).toEqual([200, 200]);
		expect(lastRun(finished).map((item) => [item.json.video_id, item.json.video_status_name])).toEqual(ids.map((id) => [id, 'COMPLETED']));
		const [fast] = ids;
		const fastCallbacks = n8n.simulator.callbacks().filter((callback) => callback.videoId === fast);
		// Its final callback first, then its progress updates, answered while the other video still rendered.
		expect(fastCallbacks.map((callback) => callback.videoStatusName)).toEqual(['COMPLETED', expect.any(String), expect.any(String)]);
		expect(fastCallbacks.slice(1).map((callback) => callback.videoStatusName).sort()).toEqual(['GENERATING', 'QUEUED']);
		expect(fastCallbacks.map((callback) => callback.status)).toEqual([200, 200, 200]);
	});

	it('callbacks that never arrive: at the deadline every id comes out with timed_out', async () => {
		n8n.simulator.configure({ webhook: { drop: true } });
		// n8n looks for executions whose wait ended once a minute.
		const { parked, finished } = await parkAndFinish(NEVER_ARRIVE.id, 150_000);
		const ids = parkedIds(parked);
		expect(acceptedIds()).toEqual([200, 200]);
		expect(lastRun(finished).map((item) => item.json)).toEqual(ids.map((id) => expect.objectContaining({ video_id: id, timed_out: true, video_status_final: false })));
	});
});
