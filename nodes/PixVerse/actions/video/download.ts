import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkResult } from '../../../core/api/results';
import { downloadResult } from '../../../core/download';
import { statusName, videoOutcome } from '../../../core/videoStatus';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { videoIdField } from '../shared/commonFields';
import { binaryPropertyField, maxDownloadBytes, maxDownloadSizeField } from '../../../core/binaryPropertyField';

const fields: INodeProperties[] = [
	videoIdField,
	binaryPropertyField(),
	maxDownloadSizeField(),
];

/** GET /videos/{id}, then the MP4 streamed into n8n's binary storage. */
async function downloadFinishedVideo(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const videoId = (context.getNodeParameter('videoId', itemIndex) as string).trim();
	const binaryProperty = context.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
	const record = await checkResult(context, videoId, { itemIndex });
	const outcome = videoOutcome(record);
	if (outcome !== 'completed') {
		const status = statusName(record);
		throw new NodeOperationError(context.getNode(), `Video ${videoId} cannot be downloaded: its status is ${status}`, {
			itemIndex,
			description: outcome === 'pending'
				? 'It is not finished yet (useapi.net answers 404 while a video renders, or for an unknown ID). Wait for it (Video > Get) and download it when it is COMPLETED.'
				: 'Only a COMPLETED video has a file to download.',
		});
	}
	try {
		const maxBytes = maxDownloadBytes(context.getNodeParameter('maxDownloadSize', itemIndex, 0));
		const data = await downloadResult(context, String(record.url), videoId, { maxBytes });
		return videoItem(record, itemIndex, { property: binaryProperty, data });
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `The download of video ${videoId} failed: ${(error as Error).message}`, {
			itemIndex,
			description: `The video is safe on PixVerse: run again, or fetch it from ${String(record.url)}`,
		});
	}
}

export const downloadOperation: OperationDefinition = {
	value: 'download',
	name: 'Download',
	action: 'Download a video',
	description: 'The MP4 of a finished video as a binary file',
	endpoint: `${ENDPOINTS.getVideo} + media URL`,
	fields,
	run: { kind: 'perItem', execute: downloadFinishedVideo },
};
