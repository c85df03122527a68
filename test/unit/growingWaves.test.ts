import { inGrowingWaves } from '../../nodes/PixVerse/generation/batch';

describe('inGrowingWaves', () => {
	it('doubles the wave while each answers "go on", one wave after another', async () => {
		let running = 0;
		let peak = 0;
		const sizes: number[] = [];
		await inGrowingWaves(async (size) => {
			peak = Math.max(peak, ++running);
			sizes.push(size);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			return sizes.length < 4;
		});
		expect(sizes).toEqual([1, 2, 4, 8]);
		expect(peak).toBe(1);
	});

	it('runs a single wave of 1 when the first says stop', async () => {
		const sizes: number[] = [];
		await inGrowingWaves(async (size) => {
			sizes.push(size);
			return false;
		});
		expect(sizes).toEqual([1]);
	});

	it('starts from the size it is given', async () => {
		const sizes: number[] = [];
		await inGrowingWaves(async (size) => {
			sizes.push(size);
			return size < 8;
		}, 2);
		expect(sizes).toEqual([2, 4, 8]);
	});
});
