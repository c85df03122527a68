import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { releaseJob } from '../../../core/api/scheduler';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';

const fields: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'user:12345-pixverse:you@example.com-video:987654',
		description: 'The video_id (or image_id) of a running job, e.g. from List Running Jobs',
	},
	{
		displayName:
			'Releasing a slot only stops useapi.net from counting the job against the account\'s maxJobs. It does not cancel the render on PixVerse, and the credits are not returned.',
		name: 'releaseNotice',
		type: 'notice',
		default: '',
	},
];

/** Frees useapi's tracking slot of a job that is stuck or no longer wanted. */
async function releaseSlot(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const jobId = (context.getNodeParameter('jobId', itemIndex) as string).trim();
	await releaseJob(context, jobId, { itemIndex });
	return videoItem({ id: jobId, released: true }, itemIndex);
}

export const releaseOperation: OperationDefinition = {
	value: 'release',
	name: 'Release Slot',
	action: 'Release a job slot',
	description: "Free useapi.net's tracking slot of a running job. The render on PixVerse is not cancelled.",
	endpoint: ENDPOINTS.releaseJob,
	fields,
	run: { kind: 'perItem', execute: releaseSlot },
};
