import type { IDataObject } from 'n8n-workflow';

export interface VideoRecord extends IDataObject {
	video_id: string;
	video_status?: number;
	video_status_name?: string;
	video_status_final?: boolean;
	url?: string;
}

export type VideoOutcome = 'pending' | 'completed' | 'failed' | 'moderated';

export const VIDEO_STATUS_NAMES: Record<number, string> = { 1: 'COMPLETED', 5: 'QUEUED', 7: 'MODERATED', 8: 'FAILED', 10: 'GENERATING' };

export function statusName(record: Partial<VideoRecord>): string {
	if (typeof record.video_status_name === 'string' && record.video_status_name) return record.video_status_name.toUpperCase();
	if (record.video_status === undefined || record.video_status === null) return 'PROCESSING';
	return VIDEO_STATUS_NAMES[record.video_status] ?? `STATUS_${record.video_status}`;
}

/**
 * Reads a GET /videos/{id} answer (or a callback body) tolerantly: useapi documents QUEUED as
 * final (likely a typo), a COMPLETED record can arrive before its file URL, and failures show up
 * as status 7/8, a FAILED/MODERATED name, or an `error` field.
 */
export function videoOutcome(record: Partial<VideoRecord>): VideoOutcome {
	const name = statusName(record);
	if (name === 'MODERATED' || record.video_status === 7) return 'moderated';
	if (name === 'FAILED' || record.video_status === 8 || typeof record.error === 'string') return 'failed';
	if (name === 'COMPLETED' || record.video_status === 1) return record.url ? 'completed' : 'pending';
	if (name === 'QUEUED' || name === 'GENERATING' || name === 'PROCESSING') return 'pending';
	return record.video_status_final === true ? 'failed' : 'pending';
}

export function failureReason(record: Partial<VideoRecord>): string {
	for (const key of ['error', 'fail_reason', 'errCode', 'fail_code']) {
		const value = record[key];
		if (typeof value === 'string' || typeof value === 'number') return String(value);
	}
	return statusName(record);
}

/** useapi's own handlers read replyRef from the record or from a nested `response`. */
export function replyRefOf(record: IDataObject): string | undefined {
	const nested = record.response && typeof record.response === 'object' ? (record.response as IDataObject).replyRef : undefined;
	const value = record.replyRef ?? nested;
	return typeof value === 'string' ? value : undefined;
}

/**
 * Whether the record's replyRef matches a filter: exactly this text, or, when the filter ends in
 * `*`, any replyRef starting with the text before it (`n8n-execution-1234-*`: every video that
 * execution 1234 started without a reference of the user's).
 */
export function replyRefMatches(record: IDataObject, filter: string): boolean {
	const reference = replyRefOf(record);
	if (reference === undefined) return false;
	return filter.endsWith('*') ? reference.startsWith(filter.slice(0, -1)) : reference === filter;
}
