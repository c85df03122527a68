import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import type { VideoRecord } from '../videoStatus';
import type { CallOptions } from './endpoints';
import { callEndpoint, recordAnswer } from './endpoints';

/**
 * Image-output effect templates (template_type 2) answer with an `image_id`, whose status comes
 * from GET /images/{image_id}: 200 with `image_status_name` / `image_status_final` / `image_url`
 * while and after it renders, 404 once deleted.
 */
export const isImageId = (id: string): boolean => /-image:\d+$/.test(id);

const IMAGE_STATUS_NAMES: Record<number, string> = { 1: 'COMPLETED', 5: 'QUEUED', 7: 'MODERATED', 8: 'FAILED', 9: 'GENERATING', 10: 'PROCESSING' };

/**
 * An image record in the terms the batch runner reads (status name, final flag, media url), with
 * every image field kept: `image_id`, `image_url`, `image_status_name` stay as useapi sent them.
 */
export function imageAsResult(imageId: string, record: IDataObject): VideoRecord {
	const status = typeof record.image_status === 'number' ? record.image_status : undefined;
	const name = typeof record.image_status_name === 'string' && record.image_status_name
		? record.image_status_name.toUpperCase()
		: status !== undefined ? (IMAGE_STATUS_NAMES[status] ?? `STATUS_${status}`) : 'PROCESSING';
	const result: VideoRecord = {
		...record,
		image_id: imageId,
		video_id: imageId,
		result_type: 'image',
		video_status_name: name,
		video_status_final: typeof record.image_status_final === 'boolean' ? record.image_status_final : ['COMPLETED', 'MODERATED', 'FAILED'].includes(name),
	};
	const url = record.image_url ?? record.url;
	if (typeof url === 'string' && url) result.url = url;
	return result;
}

/** GET /images/{image_id} as a result record: 200 with the status while it renders, 404 once deleted. */
export async function getImage(context: PixverseContext, imageId: string, options: CallOptions = {}): Promise<VideoRecord> {
	const response = await callEndpoint(context, 'getImage', { ...options, params: { image_id: imageId }, passStatuses: [404], what: imageId });
	if (response.statusCode === 404) return imageAsResult(imageId, { image_status_name: 'FAILED', error: 'The image was deleted' });
	return imageAsResult(imageId, recordAnswer(context, 'getImage', response.body, options.itemIndex));
}
