import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../shared/outputItems';

const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined);

/** One account's slots; `available` is worked out from maxJobs and executing when missing. */
export function accountSlots(raw: IDataObject): IDataObject {
	const maxJobs = count(raw.maxJobs);
	const executing = count(raw.executing);
	const available = count(raw.available) ?? (maxJobs !== undefined && executing !== undefined ? Math.max(0, maxJobs - executing) : undefined);
	return { ...raw, maxJobs, executing, available };
}

/** GET /scheduler/available: one item per account with its free slots. */
async function getAvailableSlots(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const response = await pixverseRequest.call(context, { method: 'GET', path: '/scheduler/available', kind: 'repeatable', itemIndex, what: 'available slots' });
	const accounts = (response.body as { available?: unknown } | undefined)?.available;
	return (Array.isArray(accounts) ? (accounts as IDataObject[]) : []).map((account) => videoItem(accountSlots(account), itemIndex));
}

export const availableSlotsOperation: OperationDefinition = {
	value: 'getAvailable',
	name: 'Get Available Slots',
	action: 'Get available slots',
	description: 'For each account: maxJobs, jobs executing and slots free for new jobs',
	endpoint: 'GET /scheduler/available',
	fields: [],
	run: { kind: 'list', execute: getAvailableSlots },
};
