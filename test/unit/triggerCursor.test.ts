import type { IDataObject } from 'n8n-workflow';

import { applyScan, baselineCursor, MAX_PENDING, readCursor, scanFloor } from '../../nodes/PixVerseTrigger/polling/videoCursor';
import type { AccountCursor } from '../../nodes/PixVerseTrigger/polling/videoCursor';

const id = (number: number) => `user:1-pixverse:a@example.com-video:${number}`;
const done = (number: number, extra: IDataObject = {}): IDataObject => ({ video_id: id(number), video_status: 1, video_status_name: 'COMPLETED', video_status_final: true, url: `https://m/${number}.mp4`, ...extra });
const running = (number: number, status: 5 | 10 = 10): IDataObject => ({ video_id: id(number), video_status: status, video_status_name: status === 5 ? 'QUEUED' : 'GENERATING', video_status_final: false });
const failed = (number: number): IDataObject => ({ video_id: id(number), video_status: 8, video_status_name: 'FAILED', video_status_final: true });
const found = (result: ReturnType<typeof applyScan>) => result.events.map(({ event, number }) => `${event}:${number}`);

describe('polling cursor', () => {
	it('baseline: finished videos are history, running ones are watched, the newest number is remembered', () => {
		const cursor = baselineCursor([running(12), done(11), running(9, 5), failed(8)]);
		expect(cursor).toEqual({ newest: 12, pending: { 12: { id: id(12), status: 'GENERATING' }, 9: { id: id(9), status: 'QUEUED' } } });
		expect(scanFloor(cursor)).toBe(9);
		expect(baselineCursor([])).toEqual({ newest: 0, pending: {} });
	});

	it('emits new videos and watched videos that became final, oldest first, each once', () => {
		const cursor: AccountCursor = { newest: 12, pending: { 9: { id: id(9), status: 'QUEUED' } } };
		const first = applyScan(cursor, [done(15), running(14), failed(13), done(12), done(9)], true);
		expect(found(first)).toEqual(['completed:9', 'failed:13', 'progress:14', 'completed:15']);
		expect(first.next).toEqual({ newest: 15, pending: { 14: { id: id(14), status: 'GENERATING' } } });

		const again = applyScan(first.next, [done(15), running(14), failed(13)], true);
		expect(found(again)).toEqual([]);
		const later = applyScan(again.next, [done(14), done(15)], true);
		expect(found(later)).toEqual(['completed:14']);
		expect(later.next.pending).toEqual({});
	});

	it('reports a status change of a watched video as progress, and the same status only once', () => {
		const cursor: AccountCursor = { newest: 5, pending: { 5: { id: id(5), status: 'QUEUED' } } };
		const changed = applyScan(cursor, [running(5, 10)], true);
		expect(found(changed)).toEqual(['progress:5']);
		expect(found(applyScan(changed.next, [running(5, 10)], true))).toEqual([]);
	});

	it('forgets a watched video a complete scan no longer lists (deleted), and asks to look up the rest after a partial scan', () => {
		const cursor: AccountCursor = { newest: 20, pending: { 3: { id: id(3), status: 'GENERATING' } } };
		expect(applyScan(cursor, [done(20)], true)).toMatchObject({ next: { pending: {} }, unlisted: [] });
		expect(applyScan(cursor, [done(21)], false)).toMatchObject({ next: { pending: { 3: { id: id(3) } } }, unlisted: [{ id: id(3), status: 'GENERATING' }] });
	});

	it('after a partial scan keeps its place: skipped videos are read next time, read ones are not repeated', () => {
		const cursor: AccountCursor = { newest: 10, pending: {} };
		// 15..13 read, 12 and 11 not reached before the page limit.
		const partial = applyScan(cursor, [done(15), done(14), done(13)], false);
		expect(found(partial)).toEqual(['completed:13', 'completed:14', 'completed:15']);
		expect(partial.next).toEqual({ newest: 10, pending: {}, handledAbove: [13, 14, 15] });
		expect(scanFloor(partial.next)).toBe(10);

		const rest = applyScan(partial.next, [done(16), done(15), done(14), done(13), done(12), done(11), done(10)], true);
		expect(found(rest)).toEqual(['completed:11', 'completed:12', 'completed:16']);
		expect(rest.next).toEqual({ newest: 16, pending: {} });
	});

	it('ignores duplicates within a scan (pages shift while new videos arrive) and records without a video number', () => {
		const cursor: AccountCursor = { newest: 1, pending: {} };
		expect(found(applyScan(cursor, [done(3), done(2), done(2), { video_id: 'no number', video_status_final: true }], true))).toEqual(['completed:2', 'completed:3']);
	});

	it(`watches at most ${MAX_PENDING} running videos, dropping the oldest`, () => {
		const records = Array.from({ length: MAX_PENDING + 5 }, (_, index) => running(index + 1));
		const cursor = baselineCursor(records);
		expect(Object.keys(cursor.pending)).toHaveLength(MAX_PENDING);
		expect(cursor.pending[1]).toBeUndefined();
		expect(cursor.pending[MAX_PENDING + 5]).toBeDefined();
	});

	it('reads a saved cursor tolerantly', () => {
		expect(readCursor(undefined)).toBeUndefined();
		expect(readCursor({ pending: {} })).toBeUndefined();
		expect(readCursor({ newest: 4 })).toEqual({ newest: 4, pending: {} });
		expect(readCursor({ newest: 4, pending: {}, handledAbove: [5, 'x'] })).toEqual({ newest: 4, pending: {}, handledAbove: [5] });
	});
});
