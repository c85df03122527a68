import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../shared/outputItems';
import { videoIdField } from '../shared/videoIdField';

const fields: INodeProperties[] = [videoIdField];

/** DELETE /videos/{id}; useapi answers 200 or 204, an unknown id is an error. */
async function deleteVideo(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const videoId = (context.getNodeParameter('videoId', itemIndex) as string).trim();
	await pixverseRequest.call(context, {
		method: 'DELETE',
		path: `/videos/${videoId}`,
		kind: 'repeatable',
		itemIndex,
		what: videoId,
	});
	return videoItem({ video_id: videoId, deleted: true }, itemIndex);
}

export const deleteOperation: OperationDefinition = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a video',
	description: 'Remove a video from the PixVerse account',
	endpoint: 'DELETE /videos/{video_id}',
	fields,
	run: { kind: 'perItem', execute: deleteVideo },
};
