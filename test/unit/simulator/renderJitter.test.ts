import { RenderTimes } from '../../../simulator/renderTime';
import { optionsFromArgs } from '../../../simulator/main';
import { create, useSimulator } from './helpers';

const R = 5000;

describe('jittered render times', () => {
	it('spread uniformly within ±jitter of the nominal time, centred on it, repeatable by seed', () => {
		const draw = (seed: number) => {
			const times = new RenderTimes(0.4, seed);
			return Array.from({ length: 2000 }, () => times.next(R));
		};
		const times = draw(7);
		expect(Math.min(...times)).toBeGreaterThanOrEqual(0.6 * R);
		expect(Math.max(...times)).toBeLessThanOrEqual(1.4 * R);
		const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
		expect(Math.abs(mean - R) / R).toBeLessThan(0.02);
		// Each fifth of the range holds about a fifth of the draws (uniform, not clustered).
		const fifths = [0, 0, 0, 0, 0];
		for (const time of times) fifths[Math.min(4, Math.floor(((time - 0.6 * R) / (0.8 * R)) * 5))]++;
		for (const count of fifths) expect(count / times.length).toBeGreaterThan(0.16);
		expect(draw(7)).toEqual(times);
		expect(draw(8)).not.toEqual(times);
	});

	it('no jitter: exactly the nominal time; a jitter of 1 or more is refused', () => {
		expect(new RenderTimes(0, 3).next(R)).toBe(R);
		expect(() => new RenderTimes(1, 3)).toThrow('renderJitter must be at least 0 and below 1, got 1');
	});

	it('the CLI flags set both options', () => {
		expect(optionsFromArgs(['--render-jitter', '0.4', '--render-seed', '9'])).toMatchObject({ renderJitter: 0.4, renderSeed: 9 });
	});

	describe('in the simulator', () => {
		const sim = useSimulator({ renderMs: R, renderJitter: 0.4, renderSeed: 11, accounts: [{ email: 'demo@example.com', maxJobs: 8, credits: 1_000_000 }] });
		const renderTimes = () => (sim().state().jobs as Array<{ renderMs: number }>).map((job) => job.renderMs).reverse();
		const submitEight = async () => {
			for (let i = 0; i < 8; i++) expect((await create(sim(), { prompt: `clip ${i}` })).status).toBe(200);
		};

		it('each job gets its own render time; a reset starts the same sequence again', async () => {
			await submitEight();
			const first = renderTimes();
			expect(new Set(first).size).toBe(8);
			for (const time of first) expect(Math.abs(time - R)).toBeLessThanOrEqual(0.4 * R);
			sim().reset();
			await submitEight();
			expect(renderTimes()).toEqual(first);
		});

		it('renderJitter 0 (the default) renders every job in exactly renderMs', async () => {
			sim().reset({ renderMs: R });
			await submitEight();
			expect(renderTimes()).toEqual(Array(8).fill(R));
		});
	});
});
