import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import { downloadVideo } from '../../wait/downloadVideo';
import type { VideoRecord } from '../../wait/videoStatus';
import { videoOutcome } from '../../wait/videoStatus';
import { videoItem } from '../shared/outputItems';

/** GET /videos/{id}. useapi answers 404 while a video renders, so 404 reads as "not ready yet". */
export async function getVideo(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const videoId = (context.getNodeParameter('videoId', itemIndex) as string).trim();
	const download = context.getNodeParameter('download', itemIndex, false) as boolean;
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path: `/videos/${videoId}`,
		kind: 'repeatable',
		passStatuses: [404],
		itemIndex,
		what: videoId,
	});
	if (response.statusCode === 404) {
		return videoItem({ video_id: videoId, video_status_name: 'PROCESSING', video_status_final: false, note: 'Not ready yet (useapi.net answers 404 while a video renders, or for an unknown ID)' }, itemIndex);
	}
	const record = { ...(response.body as VideoRecord), video_id: videoId };
	if (!download || videoOutcome(record) !== 'completed') return videoItem(record, itemIndex);
	const property = context.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
	return videoItem(record, itemIndex, { property, data: await downloadVideo(context, String(record.url), videoId) });
}
