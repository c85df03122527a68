import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { listRunningJobs as runningJobs } from '../../../core/api/scheduler';
import { redactSecrets } from '../../../core/redact';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';

/**
 * The jobs started through the API that still hold a slot, one item each. A job's replyUrl is
 * shown without its secret: a PixVerse Trigger's, or the signature of a parked execution's resume URL.
 */
async function listRunningJobs(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return (await runningJobs(context, { itemIndex })).map((job) =>
		videoItem(typeof job.replyUrl === 'string' ? { ...job, replyUrl: redactSecrets(job.replyUrl) } : job, itemIndex),
	);
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
