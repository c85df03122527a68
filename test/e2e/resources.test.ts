/**
 * The Account, Scheduler, File and Video List examples run in a real n8n 2.41 with the packed
 * package, against the simulator.
 */
import { submitVideo, waitUntilFinal } from '../contract/simulatorVideos';
import { binaryContent, binaryMetadata, nodeOutputItems, nodeOutputJson, useN8nTestEnvironment } from './helpers';

const MP4_BYTES = 150_000;
const TWO_ACCOUNTS = [
	{ email: 'studio@example.com', maxJobs: 3, credits: 5000 },
	{ email: 'backup@example.com', maxJobs: 2, credits: 700 },
];

describe('Account, Scheduler, File and Video List examples in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: ['account-overview', 'scheduler-slots', 'upload-file', 'list-videos'],
		simulator: { renderMs: 500, mp4Bytes: MP4_BYTES, accounts: TWO_ACCOUNTS },
		shared: true,
	});

	const apiRequests = () => n8n.simulator.log().filter((entry) => entry.path.startsWith('/v2/pixverse/'));

	beforeEach(() => {
		n8n.simulator.configure({ renderMs: 500, accounts: TWO_ACCOUNTS });
		n8n.simulator.clearLog();
	});

	it('account overview: each account with its credits and plan, no secrets', async () => {
		const run = await n8n.executeOk('pvAccountOverview');
		const accounts = nodeOutputJson(run, 'List Accounts');
		expect(accounts.map((account) => account.email)).toEqual(['studio@example.com', 'backup@example.com']);
		expect(JSON.stringify(accounts)).not.toContain('secured');
		expect(accounts.every((account) => !('password' in account))).toBe(true);
		expect(nodeOutputJson(run, 'Credits and Plan').map((plan) => [plan.email, plan.credit_package, plan.plan_name])).toEqual([
			['studio@example.com', 5000, 'Premium'],
			['backup@example.com', 700, 'Premium'],
		]);
	});

	it('scheduler: a running job is listed, its slot released, and the capacity shows it free', async () => {
		n8n.simulator.configure({ renderMs: 120_000 });
		const run = await n8n.executeOk('pvSchedulerSlots');
		const [started] = nodeOutputJson(run, 'Start Video');
		const running = nodeOutputJson(run, 'Running Jobs');
		expect(running).toEqual([expect.objectContaining({ id: started.video_id, type: 'video' })]);
		expect(nodeOutputJson(run, 'Release Slot')).toEqual([{ id: started.video_id, released: true }]);
		const slots = nodeOutputJson(run, 'Available Slots');
		expect(slots).toEqual([
			{ email: 'studio@example.com', maxJobs: 3, executing: 0, available: 3 },
			{ email: 'backup@example.com', maxJobs: 2, executing: 0, available: 2 },
		]);
		expect(apiRequests().filter((entry) => entry.method === 'DELETE').map((entry) => entry.path)).toEqual([`/v2/pixverse/scheduler/${started.video_id}`]);
	});

	it('file upload: the image goes up once and its path starts a video', async () => {
		const run = await n8n.executeOk('pvUploadFile');
		const [uploaded] = nodeOutputJson(run, 'Upload Image');
		expect(uploaded).toMatchObject({ kind: 'image', mime_type: 'image/png', file_name: 'product.png' });
		expect(uploaded.path).toMatch(/^upload\/.+\.png$/);
		const [upload, create] = apiRequests().filter((entry) => entry.method === 'POST');
		expect(upload).toMatchObject({ contentType: 'image/png', status: 200 });
		expect(upload.path.startsWith('/v2/pixverse/files')).toBe(true);
		expect(create.body).toMatchObject({ first_frame_path: uploaded.path, model: 'v6' });
		expect(nodeOutputJson(run, 'Animate Uploaded Image')[0].video_id).toMatch(/-video:\d+$/);
	});

	it('video list: the newest videos of an account, each downloaded', async () => {
		const first = await submitVideo(n8n.simulator, { email: 'studio@example.com', prompt: 'first clip' });
		const second = await submitVideo(n8n.simulator, { email: 'studio@example.com', prompt: 'second clip' });
		await waitUntilFinal(n8n.simulator, second);
		await waitUntilFinal(n8n.simulator, first);
		// The example leaves the account on automatic, which useapi allows with one account only.
		n8n.simulator.configure({ accounts: [{ email: 'studio@example.com', maxJobs: 3, credits: 5000 }] });
		n8n.simulator.clearLog();
		const run = await n8n.executeOk('pvListVideos');
		const listed = nodeOutputJson(run, 'Recent Videos').map((video) => video.video_id);
		expect(listed.slice(0, 2)).toEqual([second, first]);
		const downloads = nodeOutputItems(run, 'Download Video');
		expect(downloads).toHaveLength(listed.length);
		for (const item of downloads.slice(0, 2)) {
			expect(binaryMetadata(item, 'video').mimeType).toBe('video/mp4');
			expect(binaryContent(n8n.userFolder, item, 'video').length).toBe(MP4_BYTES);
		}
		// Videos of the earlier tests are listed too; one still rendering comes out as an error item naming it.
		for (const item of downloads.filter((candidate) => !candidate.binary)) {
			expect(item.json.error).toMatch(/^Video user:1-pixverse:studio@example\.com-video:\d+ cannot be downloaded: its status is (PROCESSING|QUEUED|GENERATING)/);
		}
		const listQuery = new URL(apiRequests().find((entry) => entry.path.startsWith('/v2/pixverse/videos?'))!.path, 'http://x').searchParams;
		expect(Object.fromEntries(listQuery)).toEqual({ limit: '5', offset: '0' });
	});
});
