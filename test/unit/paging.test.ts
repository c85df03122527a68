import { collectPages } from '../../nodes/PixVerse/actions/shared/paging';

/** A list of `total` numbered items served by offset and limit, recording every request. */
function server(total: number, options: { ignoreOffset?: boolean } = {}) {
	const items = Array.from({ length: total }, (_, index) => ({ id: index }));
	const requests: Array<[number, number]> = [];
	const fetchPage = async (offset: number, limit: number) => {
		requests.push([offset, limit]);
		const start = options.ignoreOffset ? 0 : offset;
		return items.slice(start, start + limit);
	};
	return { fetchPage, requests };
}
const byId = (item: { id: number }) => item.id;

describe('collectPages', () => {
	it('asks for exactly the Limit when it fits one page', async () => {
		const { fetchPage, requests } = server(100);
		const items = await collectPages(fetchPage, { returnAll: false, limit: 7, pageSize: 40 }, byId);
		expect(items.map(byId)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(requests).toEqual([[0, 7]]);
	});

	it('asks the last page only for what the Limit still needs', async () => {
		const { fetchPage, requests } = server(100);
		const items = await collectPages(fetchPage, { returnAll: false, limit: 90, pageSize: 40 }, byId);
		expect(items).toHaveLength(90);
		expect(requests).toEqual([[0, 40], [40, 40], [80, 10]]);
	});

	it('stops at a short page when fewer items exist than the Limit', async () => {
		const { fetchPage, requests } = server(45);
		const items = await collectPages(fetchPage, { returnAll: false, limit: 100, pageSize: 40 }, byId);
		expect(items).toHaveLength(45);
		expect(requests).toEqual([[0, 40], [40, 40]]);
	});

	it('with Return All pages until a short page', async () => {
		const { fetchPage, requests } = server(80);
		const items = await collectPages(fetchPage, { returnAll: true, limit: 0, pageSize: 40 }, byId);
		expect(items.map(byId)).toEqual(Array.from({ length: 80 }, (_, index) => index));
		expect(requests).toEqual([[0, 40], [40, 40], [80, 40]]);
	});

	it('makes one request for an empty list', async () => {
		const { fetchPage, requests } = server(0);
		expect(await collectPages(fetchPage, { returnAll: true, limit: 0, pageSize: 40 }, byId)).toEqual([]);
		expect(requests).toHaveLength(1);
	});

	it('ends when a server ignoring the offset sends the same page again', async () => {
		const { fetchPage, requests } = server(100, { ignoreOffset: true });
		const items = await collectPages(fetchPage, { returnAll: true, limit: 0, pageSize: 40 }, byId);
		expect(items).toHaveLength(40);
		expect(requests).toEqual([[0, 40], [40, 40]]);
	});

	it('with a filter, counts only the items kept against the Limit, asking for full pages', async () => {
		const { fetchPage, requests } = server(200);
		const items = await collectPages(fetchPage, { returnAll: false, limit: 5, pageSize: 40 }, byId, { keep: (item) => item.id % 20 === 0 });
		expect(items.map(byId)).toEqual([0, 20, 40, 60, 80]);
		expect(requests).toEqual([[0, 40], [40, 40], [80, 40]]);
	});

	it('ends after the page the last-page test is true for', async () => {
		const { fetchPage, requests } = server(200);
		const items = await collectPages(fetchPage, { returnAll: true, limit: 0, pageSize: 40 }, byId, { isLastPage: (page) => page.some((item) => item.id >= 70) });
		expect(items).toHaveLength(80);
		expect(requests).toEqual([[0, 40], [40, 40]]);
	});
});
