import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { availableSlots } from '../../../core/api/scheduler';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';

/** One item per account with its free slots. */
async function getAvailableSlots(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return (await availableSlots(context, { itemIndex })).map((account) => videoItem(account, itemIndex));
}

export const availableSlotsOperation: OperationDefinition = {
	value: 'getAvailable',
	name: 'Get Available Slots',
	action: 'Get available slots',
	description: 'For each account: maxJobs, jobs executing and slots free for new jobs',
	endpoint: ENDPOINTS.availableSlots,
	fields: [],
	run: { kind: 'list', execute: getAvailableSlots },
};
