import type { IBinaryData, IExecuteFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { idNumber, kindOfId, MEDIA_KINDS } from './api/mediaKinds';
import { checkMediaUrl } from './mediaUrl';
import { apiBaseUrl } from './transport/request';
import type { Readable } from './transport/streams';

const DOWNLOAD_ATTEMPTS = 3;
const MAX_REDIRECTS = 5;

const EXTENSIONS: Record<string, string> = {
	'video/mp4': 'mp4',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
};

type DownloadContext = IExecuteFunctions | IWebhookFunctions | IPollFunctions;

/** The file's type: what the media server says, unless it says nothing useful; then the kind's own. */
export function resultMimeType(id: string, contentType: string | undefined): string {
	const type = contentType?.split(';')[0].trim().toLowerCase();
	return type && type !== 'application/octet-stream' ? type : MEDIA_KINDS[kindOfId(id)].file.mimeType;
}

/** pixverse-<number>.mp4, pixverse-image-<number>.webp, pixverse-speech-<number>.mp3, …: named after the id, typed by the file. */
export function resultFileName(id: string, mimeType: string): string {
	const { stem, mimeType: usual } = MEDIA_KINDS[kindOfId(id)].file;
	return `${stem}${idNumber(id) ?? 'file'}.${EXTENSIONS[mimeType] ?? EXTENSIONS[usual]}`;
}

/** A download this node will not make: trying again changes nothing. */
class RefusedDownload extends Error {}

export interface DownloadLimits {
	/** Files larger than this are refused, and nothing of them is kept. */
	maxBytes?: number;
}

interface MediaResponse {
	body: Readable;
	statusCode: number;
	headers: Record<string, string | undefined>;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;

/** Refuses a URL this node must not fetch; n8n 2.41+ also checks where a host name resolves to. */
async function assertMayFetch(context: DownloadContext, url: string, baseUrl: string): Promise<void> {
	const check = checkMediaUrl(url, baseUrl);
	if (!check.ok) throw new RefusedDownload(`The download was refused: ${check.problem}`);
	if (check.apiOrigin) return;
	const egress = context.helpers.getSecureEgressFilter?.('enforced');
	const verdict = egress ? await egress.validateUrl(check.url) : undefined;
	if (verdict && !verdict.ok) throw new RefusedDownload(`The download from ${check.url.host} was refused: ${verdict.error.message}`);
}

/** GETs the media, following at most MAX_REDIRECTS redirects, each target checked like the first. */
async function fetchMedia(context: DownloadContext, url: string, baseUrl: string): Promise<MediaResponse> {
	let current = url;
	for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
		await assertMayFetch(context, current, baseUrl);
		const response = (await context.helpers.httpRequest({
			method: 'GET',
			url: current,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			maxRedirects: 0,
			timeout: 600_000,
		})) as MediaResponse;
		const { statusCode, headers } = response;
		if (statusCode >= 200 && statusCode < 300) return response;
		response.body.destroy();
		if (statusCode < 300 || statusCode >= 400 || !headers.location) throw new Error(`the media server answered HTTP ${statusCode}`);
		current = new URL(headers.location, current).href;
	}
	throw new Error(`the media URL redirected more than ${MAX_REDIRECTS} times`);
}

/** The body, failing (so n8n keeps no partial file) once more than maxBytes arrived. */
function capped(response: MediaResponse, maxBytes: number | undefined): Readable {
	if (!maxBytes) return response.body;
	const declared = Number(response.headers['content-length']);
	const tooLarge = (size: string) => new RefusedDownload(`The file is ${size}, larger than the Max Download Size of ${megabytes(maxBytes)}; nothing of it was kept`);
	if (Number.isFinite(declared) && declared > maxBytes) {
		response.body.destroy();
		throw tooLarge(megabytes(declared));
	}
	let received = 0;
	return response.body.map((chunk: Buffer) => {
		received += chunk.length;
		if (received > maxBytes) throw tooLarge(`more than ${megabytes(maxBytes)}`);
		return chunk;
	});
}

/**
 * Streams a finished file (MP4, image or audio) into n8n's binary storage; it never sits whole in
 * memory. The media URL is public, so the API token is not sent with it. Only http(s) URLs outside
 * the n8n host's network are fetched (see mediaUrl.ts), redirects included.
 */
export async function downloadResult(context: DownloadContext, url: string, id: string, { maxBytes }: DownloadLimits = {}): Promise<IBinaryData> {
	const baseUrl = await apiBaseUrl(context);
	let lastError: unknown;
	for (let attempt = 1; attempt <= DOWNLOAD_ATTEMPTS; attempt++) {
		try {
			const response = await fetchMedia(context, url, baseUrl);
			const mimeType = resultMimeType(id, response.headers['content-type']);
			return await context.helpers.prepareBinaryData(capped(response, maxBytes), resultFileName(id, mimeType), mimeType);
		} catch (error) {
			lastError = error;
			if (error instanceof RefusedDownload) break;
			// Triggers (webhook, poll) have no execution to cancel yet.
			if ('getExecutionCancelSignal' in context && context.getExecutionCancelSignal()?.aborted) break;
		}
	}
	throw lastError;
}
