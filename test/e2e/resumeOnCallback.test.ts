/**
 * "Resume When PixVerse Calls Back" in a real n8n: `n8n execute` runs the example until the
 * PixVerse node parks the execution, and the n8n server (another process, sharing only the
 * database) resumes it when the simulator calls the resume URL back, with every MP4. Callbacks
 * duplicated, out of order or never arriving: callbackDelivery.test.ts.
 */
import { binaryContent, binaryMetadata, useN8nTestEnvironment } from './helpers';
import { parkedRuns } from './helpers/parkedRuns';

const MP4_BYTES = 300_000;
const SIMULATOR = { renderMs: 4000, mp4Bytes: MP4_BYTES };

describe('Resume When PixVerse Calls Back, in a real n8n server', () => {
	const n8n = useN8nTestEnvironment({
		// Imported together: each import is an n8n process of its own.
		workflows: ['resume-on-callback', 'submit-then-wait-for-callbacks'],
		simulator: SIMULATOR,
		server: {},
	});
	const { parkAndFinish, creates, lastRun, parkedIds } = parkedRuns(n8n);

	beforeEach(() => {
		n8n.simulator.reset(SIMULATOR);
	});

	it('the example: a parked execution resumed by the callbacks, every MP4 downloaded', async () => {
		const { parked, finished } = await parkAndFinish('pvResumeOnCallback', 60_000);
		const ids = parkedIds(parked);
		expect(ids).toHaveLength(3);
		expect(creates()).toHaveLength(3);
		const [create] = creates();
		expect(create.body!.replyUrl).toMatch(new RegExp(`^${n8n.server!.url}/webhook-waiting/\\d+\\?signature=[\\w-]+$`));

		const items = lastRun(finished);
		expect(items.map((item) => [item.json.video_id, item.json.video_status_name])).toEqual(ids.map((id) => [id, 'COMPLETED']));
		for (const item of items) {
			expect(binaryMetadata(item, 'video').mimeType).toBe('video/mp4');
			expect(binaryContent(n8n.userFolder, item, 'video').length).toBe(MP4_BYTES);
		}
	});

	it('Wait for Completion: a video submitted earlier in the run with $execution.resumeUrl as Callback URL resumes the parked execution', async () => {
		const { parked, finished } = await parkAndFinish('pvSubmitThenWait', 60_000);
		const [videoId] = parkedIds(parked, 'Wait for the Callback');
		expect(creates().map((entry) => entry.body!.replyUrl)).toEqual([expect.stringMatching(new RegExp(`^${n8n.server!.url}/webhook-waiting/\\d+\\?signature=`))]);
		expect(n8n.simulator.log().some((entry) => entry.path === '/v2/pixverse/scheduler')).toBe(true);
		const [item] = lastRun(finished, 'Wait for the Callback');
		expect(item.json).toMatchObject({ video_id: videoId, video_status_name: 'COMPLETED' });
		expect(binaryContent(n8n.userFolder, item, 'video').length).toBe(MP4_BYTES);
	});
});
