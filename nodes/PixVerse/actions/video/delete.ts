import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { deleteVideo as deleteVideoById } from '../../../core/api/videos';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { videoIdField } from '../shared/commonFields';

const fields: INodeProperties[] = [videoIdField];

/** An unknown id is an error. */
async function deleteVideo(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const videoId = (context.getNodeParameter('videoId', itemIndex) as string).trim();
	await deleteVideoById(context, videoId, { itemIndex });
	return videoItem({ video_id: videoId, deleted: true }, itemIndex);
}

export const deleteOperation: OperationDefinition = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a video',
	description: 'Remove a video from the PixVerse account',
	endpoint: ENDPOINTS.deleteVideo,
	fields,
	run: { kind: 'perItem', execute: deleteVideo },
};
