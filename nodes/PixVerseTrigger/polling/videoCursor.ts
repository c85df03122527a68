import type { IDataObject } from 'n8n-workflow';

import { statusName } from '../../core/videoStatus';
import { videoEvent, videoNumber } from '../videoEvent';
import type { VideoEvent } from '../videoEvent';

/** Running videos remembered per account; beyond this the oldest are dropped. */
export const MAX_PENDING = 1000;

export interface PendingVideo {
	id: string;
	status: string;
}

/** What the trigger knows about one account, kept in the node's static data between polls. */
export interface AccountCursor {
	/** The highest video number seen; every higher number is a video created since. */
	newest: number;
	/** Videos seen running, by number: each is emitted when it is first seen final. */
	pending: Record<string, PendingVideo>;
	/**
	 * Numbers above `newest` already handled by a scan that stopped before reaching `newest`
	 * (page or time limit): `newest` stays put so the videos it skipped are read next time.
	 */
	handledAbove?: number[];
}

export interface FoundEvent {
	record: IDataObject;
	event: VideoEvent;
	number: number;
}

/** Scanning newest first may stop at this video number: below it nothing is new or running. */
export function scanFloor(cursor: AccountCursor): number {
	return Math.min(cursor.newest, ...Object.keys(cursor.pending).map(Number));
}

/**
 * The first look at an account, when the trigger is activated: videos already final are history
 * (not emitted), videos still running are watched, and everything newer than today is new.
 */
export function baselineCursor(records: IDataObject[]): AccountCursor {
	const cursor: AccountCursor = { newest: 0, pending: {} };
	for (const record of records) {
		const number = videoNumber(record);
		if (number === undefined) continue;
		cursor.newest = Math.max(cursor.newest, number);
		if (videoEvent(record) === 'progress') cursor.pending[number] = { id: String(record.video_id), status: statusName(record) };
	}
	return boundPending(cursor);
}

/**
 * Applies the records of one scan (any order, duplicates allowed) to the cursor and returns the
 * events they show, oldest video first: a watched video that became final or changed status, and
 * each new video (final, or running: then it is watched). `complete` says the scan reached the
 * floor, so a watched video it did not list was deleted. The other watched videos not listed are
 * returned to be looked up one by one.
 */
export function applyScan(cursor: AccountCursor, records: IDataObject[], complete: boolean): { next: AccountCursor; events: FoundEvent[]; unlisted: PendingVideo[] } {
	const next: AccountCursor = { newest: cursor.newest, pending: { ...cursor.pending } };
	const handled = new Set(cursor.handledAbove ?? []);
	const byNumber = new Map<number, IDataObject>();
	for (const record of records) {
		const number = videoNumber(record);
		if (number !== undefined && !byNumber.has(number)) byNumber.set(number, record);
	}
	const events: FoundEvent[] = [];
	for (const [number, record] of [...byNumber.entries()].sort(([a], [b]) => a - b)) {
		const known = number <= cursor.newest || handled.has(number);
		const event = observe(next, known, number, record);
		if (event) events.push({ record, event, number });
		if (number > cursor.newest) handled.add(number);
	}
	const unlisted = Object.entries(next.pending).filter(([number]) => !byNumber.has(Number(number)));
	if (complete) {
		for (const [number] of unlisted) delete next.pending[number];
		next.newest = Math.max(cursor.newest, ...handled);
	} else if (handled.size) {
		next.handledAbove = [...handled];
	}
	return { next: boundPending(next), events, unlisted: complete ? [] : unlisted.map(([, video]) => video) };
}

/** The event a record shows (the cursor's watch list is updated in place), if any. */
export function observe(cursor: AccountCursor, known: boolean, number: number, record: IDataObject): VideoEvent | undefined {
	const event = videoEvent(record);
	const watched = cursor.pending[number];
	if (!watched && known) return undefined;
	if (event !== 'progress') {
		delete cursor.pending[number];
		return event;
	}
	const status = statusName(record);
	if (watched?.status === status) return undefined;
	cursor.pending[number] = { id: String(record.video_id), status };
	return 'progress';
}

function boundPending(cursor: AccountCursor): AccountCursor {
	const numbers = Object.keys(cursor.pending).map(Number).sort((a, b) => b - a);
	for (const number of numbers.slice(MAX_PENDING)) delete cursor.pending[number];
	return cursor;
}

export function readCursor(value: unknown): AccountCursor | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const { newest, pending, handledAbove } = value as Partial<AccountCursor>;
	if (typeof newest !== 'number') return undefined;
	const cursor: AccountCursor = { newest, pending: pending && typeof pending === 'object' ? { ...pending } : {} };
	if (Array.isArray(handledAbove)) cursor.handledAbove = handledAbove.filter((number) => typeof number === 'number');
	return cursor;
}
