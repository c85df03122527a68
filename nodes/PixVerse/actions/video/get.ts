import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkVideo } from '../../../core/api/videos';
import { downloadVideo } from '../../../core/download';
import type { VideoRecord } from '../../../core/videoStatus';
import { videoOutcome } from '../../../core/videoStatus';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { videoIdField } from '../shared/commonFields';
import { binaryPropertyField, maxDownloadBytes, maxDownloadSizeField } from '../../../core/binaryPropertyField';

const fields: INodeProperties[] = [
	videoIdField,
	{
		displayName: 'Download Video',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to put the MP4 into a binary property when the video is finished',
	},
	binaryPropertyField({ show: { download: [true] } }),
	maxDownloadSizeField({ show: { download: [true] } }),
];

/**
 * GET /videos/{id}. useapi answers 404 while a video renders, so 404 reads as "not ready yet".
 * An image id (from an image effect template) is read with GET /images/{id} instead.
 */
async function getVideo(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const videoId = (context.getNodeParameter('videoId', itemIndex) as string).trim();
	const download = context.getNodeParameter('download', itemIndex, false) as boolean;
	return await resultItem(context, itemIndex, await checkVideo(context, videoId, { itemIndex }), download);
}

/** The record, with its file (MP4, or the still of an image effect) when asked for and finished. */
async function resultItem(context: IExecuteFunctions, itemIndex: number, record: VideoRecord, download: boolean): Promise<INodeExecutionData> {
	if (!download || videoOutcome(record) !== 'completed') return videoItem(record, itemIndex);
	const property = context.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
	const maxBytes = maxDownloadBytes(context.getNodeParameter('maxDownloadSize', itemIndex, 0));
	return videoItem(record, itemIndex, { property, data: await downloadVideo(context, String(record.url), record.video_id, { maxBytes }) });
}

export const getOperation: OperationDefinition = {
	value: 'get',
	name: 'Get',
	action: 'Get a video',
	description: 'Status, URL and details of one video (or of the still an image effect made)',
	endpoint: ENDPOINTS.getVideo,
	fields,
	outputsVideos: true,
	run: { kind: 'perItem', execute: getVideo },
};
