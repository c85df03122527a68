/**
 * The pure parts of looking jobs up by reference (findByReference.ts) and of deciding what an
 * Idempotency Key names (idempotency.ts): the time window, where paging stops, and when a found
 * video is adopted, refused or sent again.
 */
import type { IDataObject } from 'n8n-workflow';

import { replyRefMatches } from '../../nodes/core/videoStatus';
import type { FoundJob } from '../../nodes/PixVerse/generation/findByReference';
import { carriesReference, reachesBefore, SEARCH_PAGE_SIZE, timeOf, videosCarrying } from '../../nodes/PixVerse/generation/findByReference';
import { adoptedVideo, comparablePrompt, decideByKey } from '../../nodes/PixVerse/generation/idempotency';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-05-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** An account's video list, newest first: one video per minute back from NOW, some carrying references. */
function videoList(count: number, references: Record<number, string> = {}) {
	const videos: IDataObject[] = Array.from({ length: count }, (_, index) => ({
		video_id: `user:1-pixverse:a@b.c-video:${count - index}`,
		created_at: iso(NOW - index * 60_000),
		...(references[index] ? { replyRef: references[index] } : {}),
	}));
	const offsets: number[] = [];
	const fetchPage = async (offset: number, limit: number) => {
		offsets.push(offset);
		return videos.slice(offset, offset + limit);
	};
	return { videos, fetchPage, offsets };
}

describe('looking jobs up by reference', () => {
	it('reads ISO dates and epoch seconds or milliseconds; nothing else', () => {
		expect(timeOf('2026-05-01T12:00:00Z')).toBe(NOW);
		expect(timeOf(NOW / 1000)).toBe(NOW);
		expect(timeOf(NOW)).toBe(NOW);
		expect([timeOf(''), timeOf('yesterday'), timeOf(undefined), timeOf(null)]).toEqual([undefined, undefined, undefined, undefined]);
	});

	it('matches the reference exactly, inside its own window; an undated entry counts as inside', () => {
		const since = new Map([
			['row-1', NOW - 24 * HOUR],
			['row-2', NOW - HOUR],
		]);
		expect(carriesReference({ replyRef: 'row-1', created_at: iso(NOW - 23 * HOUR) }, since, 'created_at')).toBe(true);
		expect(carriesReference({ replyRef: 'row-1', created_at: iso(NOW - 25 * HOUR) }, since, 'created_at')).toBe(false);
		expect(carriesReference({ replyRef: 'row-2', created_at: iso(NOW - 2 * HOUR) }, since, 'created_at')).toBe(false);
		expect(carriesReference({ replyRef: 'row-2', started: iso(NOW - 30 * 60_000) }, since, 'started')).toBe(true);
		expect(carriesReference({ replyRef: 'row-1' }, since, 'created_at')).toBe(true);
		expect(carriesReference({ response: { replyRef: 'row-1' } }, since, 'created_at')).toBe(true);
		expect(carriesReference({ replyRef: 'row-10', created_at: iso(NOW) }, since, 'created_at')).toBe(false);
		expect(carriesReference({ created_at: iso(NOW) }, since, 'created_at')).toBe(false);
	});

	it('a page reaches before the window when any of its videos is older', () => {
		expect(reachesBefore([{ created_at: iso(NOW) }, { created_at: iso(NOW - 2 * HOUR) }], NOW - HOUR)).toBe(true);
		expect(reachesBefore([{ created_at: iso(NOW) }, { created_at: iso(NOW - HOUR) }], NOW - HOUR)).toBe(false);
		expect(reachesBefore([{ created_at: 'unknown' }, {}], NOW)).toBe(false);
	});

	it('pages until a page reaches before the earliest window, and keeps only videos with a reference inside its own', async () => {
		// 200 videos, one a minute: the 60-minute window ends inside the second page.
		const list = videoList(200, { 10: 'row-1', 70: 'row-1', 30: 'row-2', 120: 'row-3' });
		const found = await videosCarrying(list.fetchPage, new Map([
			['row-1', NOW - 60 * 60_000],
			['row-2', NOW - 90 * 60_000],
		]));
		expect(list.offsets).toEqual([0, SEARCH_PAGE_SIZE]);
		expect(found.map((video) => [video.replyRef, video.video_id])).toEqual([['row-1', list.videos[10].video_id], ['row-2', list.videos[30].video_id]]);
	});

	it('pages to the end of a list that stays inside the window, and stops at a short page', async () => {
		const list = videoList(120, { 119: 'row-9' });
		const found = await videosCarrying(list.fetchPage, new Map([['row-9', NOW - 24 * HOUR]]));
		expect(list.offsets).toEqual([0, 50, 100]);
		expect(found.map((video) => video.video_id)).toEqual([list.videos[119].video_id]);
	});

	it('stops when a list ignoring the offset sends the same page again', async () => {
		const videos = videoList(50).videos;
		let requests = 0;
		const found = await videosCarrying(async () => (requests++, videos), new Map([['row-1', 0]]));
		expect(found).toEqual([]);
		expect(requests).toBe(2);
	});
});

describe('what an Idempotency Key names', () => {
	const job = (videoId: string, extra: Partial<FoundJob> = {}): FoundJob => ({ videoId, reference: 'k', foundIn: 'GET /videos', ...extra });
	const record = (status: string, prompt = 'a fox', extra: IDataObject = {}) => ({ video_status_name: status, prompt, url: status === 'COMPLETED' ? 'https://m/x.mp4' : '', ...extra });

	it('sends when nothing carries the key', () => {
		expect(decideByKey([], 'a fox')).toEqual({ send: true });
	});

	it('adopts the newest video that did not fail; failed and moderated ones are sent again', () => {
		const completed = job('v1', { startedAt: NOW - 2 * HOUR, record: record('COMPLETED') });
		const failed = job('v2', { startedAt: NOW - HOUR, record: record('FAILED') });
		const moderated = job('v3', { startedAt: NOW, record: record('MODERATED') });
		expect(decideByKey([failed, completed, moderated], 'a fox')).toEqual({ adopt: completed });
		expect(decideByKey([failed, moderated], 'a fox')).toEqual({ send: true });
		expect(decideByKey([job('v4', { record: { prompt: 'a fox', video_status: 8 } })], 'a fox')).toEqual({ send: true });
	});

	it('takes a running job (no record, or no start time) as the newest', () => {
		const running = job('v5', { foundIn: 'GET /scheduler' });
		const older = job('v6', { startedAt: NOW, record: record('COMPLETED') });
		expect(decideByKey([older, running], 'a fox')).toEqual({ adopt: running });
	});

	it('refuses a video made from another prompt, compared without extra spaces; a side without a prompt cannot conflict', () => {
		const other = job('v7', { record: record('COMPLETED', 'a lighthouse') });
		expect(decideByKey([other], 'a fox')).toEqual({ conflict: other });
		expect(decideByKey([job('v8', { record: record('GENERATING', ' a   fox\n') })], 'a fox')).toEqual({ adopt: expect.objectContaining({ videoId: 'v8' }) });
		expect(decideByKey([other], undefined)).toEqual({ adopt: other });
		expect(decideByKey([job('v9', { record: record('COMPLETED', '') })], 'a fox')).toEqual({ adopt: expect.objectContaining({ videoId: 'v9' }) });
		expect(comparablePrompt('  two\t words ')).toBe('two words');
		expect(comparablePrompt('   ')).toBeUndefined();
	});

	it('starts an adopted video from its listed record, or as submitted when only the running jobs showed it', () => {
		expect(adoptedVideo(job('v1', { record: record('COMPLETED') }))).toMatchObject({ outcome: 'completed', record: { video_id: 'v1', url: 'https://m/x.mp4' }, timedOut: false });
		expect(adoptedVideo(job('v2'))).toMatchObject({ outcome: 'pending', record: { video_id: 'v2', video_status_name: 'SUBMITTED' } });
	});
});

describe('the replyRef filter of Video → Get Many and the trigger', () => {
	it('matches exactly, or by prefix when it ends in *', () => {
		expect(replyRefMatches({ replyRef: 'row-1' }, 'row-1')).toBe(true);
		expect(replyRefMatches({ replyRef: 'row-10' }, 'row-1')).toBe(false);
		expect(replyRefMatches({ replyRef: 'n8n-execution-1234-abcdefgh-item-3' }, 'n8n-execution-1234-*')).toBe(true);
		expect(replyRefMatches({ replyRef: 'n8n-execution-12345-abcdefgh-item-3' }, 'n8n-execution-1234-*')).toBe(false);
		expect(replyRefMatches({ response: { replyRef: 'row-1' } }, 'row-*')).toBe(true);
		expect(replyRefMatches({}, '*')).toBe(false);
	});
});
