import type { IBinaryData, IExecuteFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { Readable } from './transport/streams';

const DOWNLOAD_ATTEMPTS = 3;

const IMAGE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** pixverse-<number>.mp4 for a video; an image result (effect templates) keeps its own type. */
export function videoFileName(videoId: string, mimeType = 'video/mp4'): string {
	const image = /image:(\d+)$/.exec(videoId)?.[1];
	if (image) return `pixverse-image-${image}.${IMAGE_EXTENSIONS[mimeType] ?? 'png'}`;
	const number = /video:(\d+)$/.exec(videoId)?.[1];
	return `pixverse-${number ?? 'video'}.mp4`;
}

/**
 * Streams a finished MP4 into n8n's binary storage; the file never sits whole in memory. The media
 * URL is public, so the API token is not sent with it.
 */
export async function downloadVideo(context: IExecuteFunctions | IWebhookFunctions | IPollFunctions, url: string, videoId: string): Promise<IBinaryData> {
	let lastError: unknown;
	for (let attempt = 1; attempt <= DOWNLOAD_ATTEMPTS; attempt++) {
		try {
			const response = (await context.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				timeout: 600_000,
			})) as { body: Readable; headers: Record<string, string | undefined> };
			const mimeType = response.headers['content-type']?.split(';')[0] || 'video/mp4';
			return await context.helpers.prepareBinaryData(response.body, videoFileName(videoId, mimeType), mimeType);
		} catch (error) {
			lastError = error;
			// Triggers (webhook, poll) have no execution to cancel yet.
			if ('getExecutionCancelSignal' in context && context.getExecutionCancelSignal()?.aborted) break;
		}
	}
	throw lastError;
}
