import { NodeOperationError, BINARY_ENCODING } from 'n8n-workflow';
import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { uploadFile } from '../../../core/api/files';
import { kindOfId, MEDIA_KINDS, withArticle } from '../../../core/api/mediaKinds';
import type { MediaKind } from '../../../core/api/mediaKinds';
import { checkResult } from '../../../core/api/results';
import { downloadResult } from '../../../core/download';
import { failureReason, statusName, videoOutcome } from '../../../core/videoStatus';
import type { FileKind } from './uploadTypes';
import { UPLOAD_TYPES } from './uploadTypes';

/**
 * A file PixVerse made earlier (a speech clip, an image), given by its ID, or a file at a URL.
 * useapi.net takes files only as uploads (`POST /files` paths), so the node downloads the file and
 * uploads it: a chain needs no download and upload steps of its own.
 */

/**
 * The ID of a result of the expected kind, or an error naming the field, the value and what is
 * allowed; nothing is sent. `source` says where such an ID comes from, `description` what to do.
 */
export function checkResultId(
	context: IExecuteFunctions,
	itemIndex: number,
	id: string,
	kind: MediaKind,
	parameter: string,
	{ source = ' made by PixVerse', description }: { source?: string; description?: string } = {},
): string {
	const trimmed = id.trim();
	if (kindOfId(trimmed) === kind) return trimmed;
	const { noun, idField } = MEDIA_KINDS[kind];
	throw new NodeOperationError(context.getNode(), `${parameter} ${JSON.stringify(trimmed)} is not the ID of ${withArticle(noun)}; allowed: the ${idField} of ${withArticle(noun)}${source}, ending in -${kind}:<number>`, {
		itemIndex,
		description: description ?? `Map it from the step that made it, e.g. {{ $json.${idField} }}. Nothing was sent to PixVerse.`,
	});
}

/** Uploads a finished result's file and returns its path; one not finished (or failed) is an error before the generation is sent. */
export async function uploadResult(context: IExecuteFunctions, itemIndex: number, id: string, email?: string): Promise<string> {
	const { noun } = MEDIA_KINDS[kindOfId(id)];
	const record = await checkResult(context, id, { itemIndex, signal: context.getExecutionCancelSignal() });
	const outcome = videoOutcome(record);
	if (outcome !== 'completed') {
		const state = outcome === 'pending' ? `is not finished yet (${statusName(record)})` : `${outcome}: ${failureReason(record)}`;
		throw new NodeOperationError(context.getNode(), `The ${noun} ${id} ${state}, so it cannot be used here`, {
			itemIndex,
			description: 'Wait for it first (Poll Until Done, or Get). Nothing was sent to PixVerse for this item.',
		});
	}
	return await uploadDownloaded(context, itemIndex, await downloadResult(context, String(record.url), id), `${noun} ${id}`, email);
}

/**
 * Downloads a file from a URL the user gave (public http(s) only, checked like every download;
 * the API token is never sent with it) and uploads it, if its type is one PixVerse takes for this kind.
 */
export async function uploadFromUrl(context: IExecuteFunctions, itemIndex: number, url: string, kind: FileKind, email?: string): Promise<string> {
	const binary = await downloadResult(context, url, 'file');
	const allowed = UPLOAD_TYPES[kind] as readonly string[];
	if (!allowed.includes(binary.mimeType)) {
		throw new NodeOperationError(context.getNode(), `The file at ${url} has type "${binary.mimeType}", which PixVerse does not accept as ${withArticle(kind)}; allowed: ${allowed.join(', ')}`, {
			itemIndex,
			description: 'Nothing was sent to PixVerse for this item.',
		});
	}
	return await uploadDownloaded(context, itemIndex, binary, url, email);
}

/** Uploads a file downloaded into n8n's binary data (streamed from its storage) and returns its path. */
async function uploadDownloaded(context: IExecuteFunctions, itemIndex: number, binary: IBinaryData, source: string, email?: string): Promise<string> {
	const upload = { mimeType: binary.mimeType, email, source };
	if (binary.id) {
		const { fileSize } = await context.helpers.getBinaryMetadata(binary.id);
		return (await uploadFile(context, { ...upload, body: await context.helpers.getBinaryStream(binary.id), length: fileSize }, { itemIndex })).path;
	}
	const body = Buffer.from(binary.data, BINARY_ENCODING);
	return (await uploadFile(context, { ...upload, body, length: body.length }, { itemIndex })).path;
}
