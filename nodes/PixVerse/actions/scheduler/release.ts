import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../shared/outputItems';

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

/** DELETE /scheduler/{id}: frees useapi's tracking slot of a job that is stuck or no longer wanted. */
async function releaseSlot(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const jobId = (context.getNodeParameter('jobId', itemIndex) as string).trim();
	await pixverseRequest.call(context, { method: 'DELETE', path: `/scheduler/${jobId}`, kind: 'repeatable', itemIndex, what: jobId });
	return videoItem({ id: jobId, released: true }, itemIndex);
}

export const releaseOperation: OperationDefinition = {
	value: 'release',
	name: 'Release Slot',
	action: 'Release a job slot',
	description: "Free useapi.net's tracking slot of a running job. The render on PixVerse is not cancelled.",
	endpoint: 'DELETE /scheduler/{id}',
	fields,
	run: { kind: 'perItem', execute: releaseSlot },
};
