import type { IDataObject } from 'n8n-workflow';

import { itemsThatFit, settledWithin } from '../../nodes/PixVerse/generation/freeSlots';

const slots = (...accounts: Array<[string, IDataObject[string]]>) => ({ accounts: accounts.map(([email, available]): IDataObject => ({ email, available })), executing: [] });

describe('itemsThatFit: how many items to send from a read of the free slots', () => {
	it('items naming no account take the free slots of every account', () => {
		expect(itemsThatFit(Array(30).fill(''), slots(['one@example.com', 8], ['two@example.com', 8], ['three@example.com', 8]))).toBe(24);
		expect(itemsThatFit(Array(5).fill(''), slots(['one@example.com', 8]))).toBe(5);
	});

	it('an item naming an account needs a slot on it, and counting stops at the first that does not fit', () => {
		const accounts = slots(['one@example.com', 1], ['two@example.com', 3]);
		expect(itemsThatFit(['one@example.com', 'One@Example.com ', 'two@example.com'], accounts)).toBe(1);
		expect(itemsThatFit(['two@example.com', '', 'one@example.com', ''], accounts)).toBe(4);
		expect(itemsThatFit(['elsewhere@example.com', ''], accounts)).toBe(0);
	});

	it('reads nothing free from accounts without a whole positive count', () => {
		expect(itemsThatFit(['', ''], slots(['one@example.com', 0], ['two@example.com', -2], ['three@example.com', 'many'], ['four@example.com', 1.5]))).toBe(0);
		expect(itemsThatFit(['', ''], { accounts: [{ available: 4 }] })).toBe(0);
		expect(itemsThatFit(['', ''], { accounts: [] })).toBe(0);
	});

	it('a job accepted while the read was under way takes one of the slots it read free, unless the read lists it as executing', () => {
		const read = { ...slots(['one@example.com', 1], ['two@example.com', 3]), executing: [{ id: 'listed-video:1' }] };
		// Listed: the read already counted its slot as taken.
		expect(itemsThatFit(Array(9).fill(''), read, [{ videoId: 'listed-video:1', account: '' }])).toBe(4);
		// Not listed, on the account it names.
		expect(itemsThatFit(['one@example.com', ''], read, [{ videoId: 'new-video:2', account: 'one@example.com' }])).toBe(0);
		expect(itemsThatFit(Array(9).fill(''), read, [{ videoId: 'new-video:2', account: 'One@Example.com' }])).toBe(3);
		// Naming none, on the account with the most free slots, where useapi puts it.
		expect(itemsThatFit(['two@example.com', 'two@example.com', 'two@example.com'], read, [{ videoId: 'new-video:2', account: '' }])).toBe(2);
		expect(itemsThatFit(['one@example.com'], read, [{ videoId: 'new-video:2', account: '' }])).toBe(1);
	});

	it('without a list of executing jobs, a job accepted during the read counts as taking a slot', () => {
		expect(itemsThatFit(Array(9).fill(''), { accounts: [{ email: 'one@example.com', available: 8 }] }, [{ videoId: 'new-video:2', account: '' }])).toBe(7);
	});
});

describe('settledWithin', () => {
	it('brings the value of a promise that settles in time, and of one already settled with no time left', async () => {
		await expect(settledWithin(new Promise((resolve) => setImmediate(() => resolve(5))), 60_000)).resolves.toBe(5);
		await expect(settledWithin(Promise.resolve(3), 0)).resolves.toBe(3);
	});

	it('brings undefined for one still pending when the time is up', async () => {
		let resolveLater: (value: number) => void = () => undefined;
		const pending = new Promise<number>((resolve) => (resolveLater = resolve));
		await expect(settledWithin(pending, 5)).resolves.toBeUndefined();
		resolveLater(1);
	});
});

