import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listAccounts } from '../../core/api/accounts';
import type { CallOptions } from '../../core/api/endpoints';
import { ENDPOINTS } from '../../core/api/endpoints';
import { listRunningJobs } from '../../core/api/scheduler';
import type { MediaKind } from '../../core/api/mediaKinds';
import { MEDIA_KINDS } from '../../core/api/mediaKinds';
import { keeps, listResults } from '../../core/api/results';
import { replyRefOf } from '../../core/videoStatus';
import type { FetchPage } from '../actions/shared/paging';
import { collectPages } from '../actions/shared/paging';

/**
 * Finds the jobs and videos that carry given references (replyRef): the running jobs
 * (GET /scheduler, every account of the API token), then the videos (GET /videos; or the images,
 * speech or music, by the search's kind) of the chosen
 * PixVerse account, or of every account configured on useapi.net, newest first, page after page
 * until a page reaches before the search's time window. One search serves every reference of a
 * run. Used to find a job whose answer was lost, and the video an Idempotency Key names.
 */

/** Entries asked for per list page (useapi's largest documented page). */
export const SEARCH_PAGE_SIZE = 50;

export interface FoundJob {
	videoId: string;
	reference: string;
	/** The endpoint that showed it first. */
	foundIn: string;
	/** When it started (ms), when the API says. */
	startedAt?: number;
	/** Its video record, when the video list showed it (a running job carries none). */
	record?: IDataObject;
}

export interface ReferenceSearch {
	/** Each reference, with the earliest moment (ms) a job carrying it may have started. */
	since: Map<string, number>;
	/** The PixVerse account whose videos to read; none: every account configured on useapi.net. */
	account?: string;
	/** Whether a running job counts whatever its start (the windows then apply to the video list only). */
	anyRunning?: boolean;
	/** What the jobs make, so which list is read (default: videos). */
	kind?: MediaKind;
}

/** Epoch seconds below this are read as seconds, not milliseconds (it is 1973 in ms, 5138 in s). */
const SECONDS_BELOW = 1e11;

/** A moment the API names as an ISO date or an epoch number (seconds or ms), in ms; undefined when unreadable. */
export function timeOf(value: unknown): number | undefined {
	let time = Number.NaN;
	if (typeof value === 'number') time = value < SECONDS_BELOW ? value * 1000 : value;
	else if (typeof value === 'string' && value.trim()) time = Date.parse(value);
	return Number.isFinite(time) ? time : undefined;
}

/** Whether the entry carries one of the references and started inside its window (an undated one counts as inside). */
export function carriesReference(entry: IDataObject, since: Map<string, number>, timeField: string): boolean {
	const reference = replyRefOf(entry);
	if (reference === undefined || !since.has(reference)) return false;
	const time = timeOf(entry[timeField]);
	return time === undefined || time >= since.get(reference)!;
}

/** Whether a page of the video list (newest first) reaches before `earliest`: every later page is older still. */
export function reachesBefore(page: IDataObject[], earliest: number): boolean {
	return page.some((video) => (timeOf(video.created_at) ?? Number.POSITIVE_INFINITY) < earliest);
}

/**
 * The videos of one account's list (newest first) that carry one of the references inside its
 * window, read page by page until a page is short or reaches before the earliest window.
 */
export async function videosCarrying(fetchPage: FetchPage<IDataObject>, since: Map<string, number>, kind: MediaKind = 'video'): Promise<IDataObject[]> {
	const earliest = Math.min(...since.values());
	return await collectPages(fetchPage, { returnAll: true, limit: 0, pageSize: SEARCH_PAGE_SIZE }, (video) => video[MEDIA_KINDS[kind].idField] ?? JSON.stringify(video), {
		keep: (video) => keeps(kind, video) && carriesReference(video, since, 'created_at'),
		isLastPage: (page) => reachesBefore(page, earliest),
	});
}

async function searchedAccounts(context: IExecuteFunctions, account: string | undefined, options: CallOptions): Promise<string[]> {
	return account ? [account] : Object.keys(await listAccounts(context, options));
}

/** Where a search looks, for messages: "GET /scheduler and GET /videos (…)". */
export function searchedPlaces(search: ReferenceSearch, window: string): string {
	return `${ENDPOINTS.listRunningJobs} and ${ENDPOINTS[MEDIA_KINDS[search.kind ?? 'video'].list]} (${window}, ${search.account ? `of ${search.account}` : 'of every account'})`;
}

/** The jobs and videos carrying the references, each once, running jobs first. Failing reads throw. */
export async function findByReference(context: IExecuteFunctions, search: ReferenceSearch, options: CallOptions = {}): Promise<FoundJob[]> {
	const found = new Map<string, FoundJob>();
	const runningSince = search.anyRunning ? new Map([...search.since.keys()].map((reference) => [reference, Number.NEGATIVE_INFINITY])) : search.since;
	for (const job of await listRunningJobs(context, options)) {
		if (!carriesReference(job, runningSince, 'started')) continue;
		const videoId = String(job.id);
		found.set(videoId, { videoId, reference: replyRefOf(job)!, foundIn: ENDPOINTS.listRunningJobs, startedAt: timeOf(job.started) });
	}
	const kind = search.kind ?? 'video';
	for (const email of await searchedAccounts(context, search.account, options)) {
		const videos = await videosCarrying(async (offset, limit) => await listResults(context, kind, { email, limit, offset }, options), search.since, kind);
		for (const record of videos) {
			const videoId = String(record[MEDIA_KINDS[kind].idField]);
			const running = found.get(videoId);
			found.set(videoId, {
				videoId,
				reference: replyRefOf(record)!,
				foundIn: running?.foundIn ?? ENDPOINTS[MEDIA_KINDS[kind].list],
				startedAt: running?.startedAt ?? timeOf(record.created_at),
				record,
			});
		}
	}
	return [...found.values()];
}
