import { inInputOrder, oneJobPerResult, resultIdsOf } from '../../nodes/PixVerse/generation/jobs';

const image = (n: number) => `user:1-pixverse:a@b.c-image:${n}`;

describe('one output item per result', () => {
	it('reads every result a job made, its own id first', () => {
		expect(resultIdsOf({ itemIndex: 0, videoId: image(1), answer: { success_ids: [image(1), image(2)] } })).toEqual([image(1), image(2)]);
		expect(resultIdsOf({ itemIndex: 0, videoId: 'v', answer: { video_id: 'v' } })).toEqual(['v']);
		// A job found again by its reference (lost answer) names only itself.
		expect(resultIdsOf({ itemIndex: 0, videoId: image(9), answer: { replyRef: 'r' } })).toEqual([image(9)]);
	});

	it("gives each extra result a place after the input's and puts it right after its item", () => {
		const jobs = [
			{ itemIndex: 0, videoId: image(1), answer: { success_ids: [image(1), image(2), image(3)] } },
			{ itemIndex: 1, videoId: 'v', answer: { video_id: 'v' } },
			{ itemIndex: 2, videoId: image(7), answer: { success_ids: [image(7), image(8)] } },
		];
		const { jobs: perResult, extraPlaces } = oneJobPerResult(jobs, 3);
		expect(perResult.map((job) => [job.videoId, job.itemIndex, job.position])).toEqual([
			[image(1), 0, undefined],
			[image(2), 0, 3],
			[image(3), 0, 4],
			['v', 1, undefined],
			[image(7), 2, undefined],
			[image(8), 2, 5],
		]);
		const output = ['item 0', 'item 1', 'item 2', 'item 0 second', 'item 0 third', 'item 2 second'];
		const ordered = inInputOrder(output, extraPlaces);
		expect(ordered).toBe(output);
		expect(ordered).toEqual(['item 0', 'item 0 second', 'item 0 third', 'item 1', 'item 2', 'item 2 second']);
	});

	it('leaves an output without extra results as it is', () => {
		const output = ['a', 'b'];
		expect(inInputOrder(output, oneJobPerResult([{ itemIndex: 0, videoId: 'x', answer: {} }], 2).extraPlaces)).toEqual(['a', 'b']);
	});
});
