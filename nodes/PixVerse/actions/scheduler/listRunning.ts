import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../shared/outputItems';
import { schedulerJobs } from './schedulerJob';

/** GET /scheduler: the jobs started through the API that still hold a slot, one item each. */
async function listRunningJobs(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const response = await pixverseRequest.call(context, { method: 'GET', path: '/scheduler', kind: 'repeatable', itemIndex, what: 'running jobs' });
	return schedulerJobs(response.body).map((job) => videoItem(job, itemIndex));
}

export const listRunningOperation: OperationDefinition = {
	value: 'listRunning',
	name: 'List Running Jobs',
	action: 'List running jobs',
	description: 'Jobs started through the API that still hold a concurrency slot (not those started on the website)',
	endpoint: 'GET /scheduler',
	fields: [],
	run: { kind: 'list', execute: listRunningJobs },
};
