import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { listRunningJobs as runningJobs } from '../../../core/api/scheduler';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';

/** The jobs started through the API that still hold a slot, one item each. */
async function listRunningJobs(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return (await runningJobs(context, { itemIndex })).map((job) => videoItem(job, itemIndex));
}

export const listRunningOperation: OperationDefinition = {
	value: 'listRunning',
	name: 'List Running Jobs',
	action: 'List running jobs',
	description: 'Jobs started through the API that still hold a concurrency slot (not those started on the website)',
	endpoint: ENDPOINTS.listRunningJobs,
	fields: [],
	run: { kind: 'list', execute: listRunningJobs },
};
