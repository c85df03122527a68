import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { MediaKind } from '../../core/api/mediaKinds';
import { keeps, readResult } from '../../core/api/results';
import { takeTestEvent } from '../webhook/testEvent';
import { eventItem } from '../eventItem';
import { readTriggerSettings, wantsEvent } from '../settings';
import type { TriggerSettings } from '../settings';
import { videoEvent, videoNumber } from '../videoEvent';
import { applyScan, baselineCursor, readCursor, scanFloor } from './videoCursor';
import type { AccountCursor, FoundEvent } from './videoCursor';
import { listPage, PAGE_SIZE, watchedAccounts } from './videoList';

/** Pages read per account and poll at most (PAGE_SIZE videos each). */
const MAX_PAGES = 20;
/** Watched videos looked up one by one per account and poll at most, when paging stopped early. */
const MAX_LOOKUPS = 20;
const DEFAULT_POLL_BUDGET_MS = 4 * 60_000;

/** Poll contexts that took their first look already; n8n keeps one context per activation. */
const lookedAtActivation = new WeakSet<IPollFunctions>();

/**
 * Whether this poll starts from scratch: the first poll after the user activates the workflow
 * (videos finished while it was off are history). After an n8n restart or an update of the
 * active workflow the saved cursor is kept, so videos finished in between are still emitted.
 */
function startsFresh(context: IPollFunctions): boolean {
	if (context.getActivationMode() !== 'activate' || lookedAtActivation.has(context)) return false;
	lookedAtActivation.add(context);
	return true;
}

/** n8n 2.41 tells a poll how long it may take; older hosts do not. */
function pollDeadline(context: IPollFunctions): number {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	return Date.now() + budget * 0.8;
}

/**
 * Reads an account's videos newest first, page by page, down to the floor (nothing below it is
 * new or running), so a burst of finished videos is read in full. On the first look it reads on
 * while pages still hold running videos. `complete` is false when the page limit or the time
 * budget stopped it first.
 */
async function scanAccount(context: IPollFunctions, kind: MediaKind, email: string, floor: number | undefined, deadline: number): Promise<{ records: IDataObject[]; complete: boolean }> {
	const records: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const listed = await listPage(context, kind, email, page * PAGE_SIZE);
		const videos = listed.filter((entry) => keeps(kind, entry));
		records.push(...videos);
		if (listed.length < PAGE_SIZE) return { records, complete: true };
		const numbers = videos.map(videoNumber).filter((number): number is number => number !== undefined);
		const reachedFloor = floor === undefined ? !videos.some((video) => videoEvent(video) === 'progress') : Math.min(...numbers) <= floor;
		if (reachedFloor) return { records, complete: true };
		if (Date.now() > deadline) break;
	}
	return { records, complete: false };
}

async function pollAccount(context: IPollFunctions, kind: MediaKind, email: string, stored: AccountCursor | undefined, deadline: number): Promise<{ cursor: AccountCursor; events: FoundEvent[] }> {
	if (!stored) {
		const { records } = await scanAccount(context, kind, email, undefined, deadline);
		return { cursor: baselineCursor(records), events: [] };
	}
	const { records, complete } = await scanAccount(context, kind, email, scanFloor(stored), deadline);
	const scan = applyScan(stored, records, complete);
	const looked: IDataObject[] = [];
	for (const video of scan.unlisted.slice(0, MAX_LOOKUPS)) {
		const record = await readResult(context, video.id);
		if (record) looked.push(record);
	}
	if (!looked.length) return { cursor: scan.next, events: scan.events };
	const lookedUp = applyScan(scan.next, looked, false);
	return { cursor: lookedUp.next, events: [...scan.events, ...lookedUp.events] };
}

/** The kinds polling reads a list of: those the Kinds filter names; none named, videos (every other list would cost a read per poll). */
const polledKinds = (settings: TriggerSettings): MediaKind[] => (settings.kinds.length ? settings.kinds : ['video']);

/** "Fetch Test Event": the newest finished video (or result of a polled kind) that passes the filters, whatever the cursor says. */
async function latestFinished(context: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][]> {
	let latest: (FoundEvent & { time: number }) | undefined;
	for (const email of await watchedAccounts(context)) {
		for (const record of (await Promise.all(polledKinds(settings).map((kind) => listPage(context, kind, email, 0)))).flat()) {
			const event = videoEvent(record);
			const number = videoNumber(record) ?? -1;
			// Numbers of different kinds do not compare; their creation times do.
			const time = Date.parse(String(record.created_at ?? '')) || number;
			if (event === 'progress' || !wantsEvent(settings, event, record)) continue;
			if (!latest || time > latest.time) latest = { record, event, number, time };
		}
	}
	if (!latest) {
		throw new NodeOperationError(context.getNode(), 'No finished video passes the trigger filters yet', {
			description: `Looked at the latest ${PAGE_SIZE} entries of each polled list (${polledKinds(settings).join(', ')}) of each watched account. Generate one, or widen the Statuses and Filters.`,
		});
	}
	return [[await eventItem(context, latest.record, latest.event, settings)]];
}

/**
 * Polling mode: emits each video the first time it is seen in a final state after activation
 * (and, if asked, each status change on the way). The cursor of each watched account lives in the
 * node's static data: the first poll only records what exists, so old videos never flood the
 * workflow.
 */
export async function pollVideoEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	if (this.getNodeParameter('mode', 'webhook') !== 'polling') return this.getMode() === 'manual' ? takeTestEvent(this) : null;
	const settings = readTriggerSettings(this);
	if (this.getMode() === 'manual') return await latestFinished(this, settings);

	const staticData = this.getWorkflowStaticData('node');
	const fresh = startsFresh(this);
	const deadline = pollDeadline(this);
	const found: FoundEvent[] = [];
	for (const kind of polledKinds(settings)) {
		// Video cursors stay where earlier versions kept them; each other kind has its own (their numbers are separate sequences).
		const key = kind === 'video' ? 'accounts' : `${kind}Accounts`;
		const saved = staticData[key] && typeof staticData[key] === 'object' ? (staticData[key] as IDataObject) : {};
		const stored = fresh ? {} : saved;
		// Only watched accounts keep a cursor: one watched again later starts from scratch.
		const cursors: IDataObject = {};
		const ofKind: FoundEvent[] = [];
		for (const email of await watchedAccounts(this)) {
			const { cursor, events } = await pollAccount(this, kind, email, readCursor(stored[email]), deadline);
			cursors[email] = cursor as unknown as IDataObject;
			ofKind.push(...events.filter(({ event, record }) => wantsEvent(settings, event, record)));
		}
		staticData[key] = cursors;
		found.push(...ofKind.sort((a, b) => a.number - b.number));
	}
	if (!found.length) return null;

	const items: INodeExecutionData[] = [];
	for (const { record, event } of found) items.push(await eventItem(this, record, event, settings));
	return [items];
}
