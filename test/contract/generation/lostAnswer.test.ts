/**
 * The answer to a generation POST is lost after useapi accepted it (the simulator handles the
 * request, then resets the connection). The POST is never sent again: the node finds the job by
 * the reference (replyRef) every generation carries, and carries on with its id; when it finds
 * nothing, the error says where it looked and names the reference.
 */
import { simulatorSession, textToVideo } from '../simulatorSession';
import { submitVideo } from '../simulatorVideos';

const generationPosts = (session: ReturnType<typeof simulatorSession>) =>
	session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));

describe('a lost answer to a generation', () => {
	const session = simulatorSession({ mp4Bytes: 50_000 });
	const jobs = () => session.sim.state().jobs as Array<{ video_id: string }>;
	const lookups = () => session.apiRequests().filter((entry) => entry.method === 'GET' && /\/v2\/pixverse\/(scheduler|videos)(\?|$)/.test(entry.path)).map((entry) => entry.path.split('?')[0]);

	it('every generation carries a unique reference when the user set none, and the output shows it', async () => {
		const run = await session.run(textToVideo({ prompt: '={{ $json.prompt }}', waitMode: 'none' }), { items: [{ json: { prompt: 'a' } }, { json: { prompt: 'b' } }] });
		const references = generationPosts(session).map((entry) => entry.body!.replyRef as string);
		expect(references).toEqual([expect.stringMatching(/^n8n-execution-\d+-\w{8}-item-0$/), expect.stringMatching(/^n8n-execution-\d+-\w{8}-item-1$/)]);
		expect(new Set(references).size).toBe(2);
		expect(run.output![0].map((item) => item.json.replyRef)).toEqual(references);
	});

	it('finds the job among the running jobs', async () => {
		await session.sim.reset({ renderMs: 120_000 });
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'reset', phase: 'after' });
		const run = await session.run(textToVideo({ waitMode: 'none', options: { replyRef: 'row-7' } }));
		expect(run.error).toBeUndefined();
		expect(jobs()).toHaveLength(1);
		expect(generationPosts(session)).toHaveLength(1);
		expect(lookups()).toEqual(['/v2/pixverse/scheduler', '/v2/pixverse/videos']);
		expect(run.output![0][0].json).toMatchObject({ video_id: jobs()[0].video_id, recovered_from: 'GET /scheduler', replyRef: 'row-7' });
	});

	it('finds the job among the videos when it no longer holds a slot, then waits for it, downloads it, outputs it', async () => {
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'reset', phase: 'after' });
		session.sim.addFault({ method: 'GET', path: '/scheduler$/', kind: 'status', status: 200, body: [] });
		const run = await session.run(textToVideo());
		expect(run.error).toBeUndefined();
		expect(generationPosts(session)).toHaveLength(1);
		expect(lookups()).toEqual(['/v2/pixverse/scheduler', '/v2/pixverse/videos']);
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ video_id: jobs()[0].video_id, video_status_name: 'COMPLETED', replyRef: generationPosts(session)[0].body!.replyRef });
		expect((await run.readBinary(item, 'video')).length).toBe(50_000);
	});

	it('says it looked and found nothing, with the reference, and sends nothing again', async () => {
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'reset' });
		const run = await session.run(textToVideo({ options: { replyRef: 'row-9' } }), { continueOnFail: true });
		expect(jobs()).toHaveLength(0);
		expect(generationPosts(session)).toHaveLength(1);
		expect(lookups()).toEqual(['/v2/pixverse/scheduler', '/v2/pixverse/videos']);
		const [item] = run.output![0];
		expect(item.json.error).toMatch(/^The answer to POST \/videos\/create was lost \(.+\); its job was not found \(replyRef "row-9"\)$/);
		expect(item.json.error_description).toContain('Looked in GET /scheduler and GET /videos (the entries created since 5 minutes before the request, of every account) and found no job with that reference.');
		expect(item.json.error_description).toContain('Video → Get Many with Filters → Callback Reference (replyRef) "row-9"');
		expect(item.json.error_description).toContain('it was not sent again');
	});

	it('does not claim a job when several carry the reference', async () => {
		await submitVideo(session.sim, { replyRef: 'same' });
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'reset', phase: 'after' });
		const run = await session.run(textToVideo({ waitMode: 'none', options: { replyRef: 'same' } }), { continueOnFail: true });
		expect(jobs()).toHaveLength(2);
		const [item] = run.output![0];
		expect(item.json.error).toContain('replyRef "same"');
		expect(item.json.error_description).toMatch(/^2 jobs carry that reference \(.+, .+\), so none was claimed\./);
	});
});
