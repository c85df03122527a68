/**
 * A 429 storm ("all accounts busy") that lasts past the deadline: the items that never got a slot
 * come out as errors that say nothing was sent or charged, and no credits moved.
 */
import { simulatorSession, textToVideo } from '../simulatorSession';

describe('a 429 storm longer than the deadline', () => {
	const session = simulatorSession();
	const credits = () => (session.sim.state().accounts as Array<{ credits: number }>).map((account) => account.credits);

	it('leaves every item uncharged and says so', async () => {
		const before = credits();
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'status', status: 429, times: 10_000, retryAfter: 0 });
		// The shortest Timeout the node takes (0.05 minutes); busy items are tried again every Poll Interval up to it.
		const run = await session.run(textToVideo({ prompt: '={{ $json.prompt }}', pollInterval: 1, waitTimeout: 0.05, download: false }), {
			items: [{ json: { prompt: 'a' } }, { json: { prompt: 'b' } }],
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json)).toEqual([0, 1].map(() => ({
			error: 'Not submitted: no PixVerse slot became free before the timeout',
			error_description: 'Nothing was sent or charged for this item. Raise the timeout, lower the batch size, or add accounts.',
		})));
		expect(session.sim.state().jobs).toEqual([]);
		expect(credits()).toEqual(before);
		const posts = session.apiRequests().filter((entry) => entry.method === 'POST');
		expect(posts.length).toBeGreaterThan(0);
		expect(posts.every((entry) => entry.status === 429)).toBe(true);
	});

	it('while the free-slot read says free but every submission is refused, tries one item per look, not every item the read made room for', async () => {
		session.sim.addFault({ method: 'POST', path: 'videos/create', kind: 'status', status: 429, times: 10_000, retryAfter: 0 });
		const run = await session.run(textToVideo({ prompt: '={{ $json.prompt }}', pollInterval: 1, waitTimeout: 0.05, download: false }), {
			items: ['a', 'b', 'c', 'd', 'e', 'f'].map((prompt) => ({ json: { prompt } })),
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.output![0].map((item) => item.json.error)).toEqual(Array(6).fill('Not submitted: no PixVerse slot became free before the timeout'));
		const posts = session.apiRequests().filter((entry) => entry.method === 'POST');
		const reads = session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.endsWith('/scheduler/available'));
		// Each read reported every slot of the account free (the simulator's own jobs are none).
		expect(reads.length).toBeGreaterThan(1);
		expect(posts.every((entry) => entry.status === 429)).toBe(true);
		expect(posts.length).toBeLessThanOrEqual(reads.length);
	});
});
