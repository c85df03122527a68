import { NodeOperationError, BINARY_ENCODING } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { uploadFile } from '../../../core/api/files';
import { kindOfId, MEDIA_KINDS, withArticle } from '../../../core/api/mediaKinds';
import type { MediaKind } from '../../../core/api/mediaKinds';
import { checkResult } from '../../../core/api/results';
import { downloadResult } from '../../../core/download';
import { failureReason, statusName, videoOutcome } from '../../../core/videoStatus';

/**
 * A file PixVerse made earlier (a speech clip, an image), given by its ID. useapi.net takes such
 * files only as uploads (`POST /files` paths), so the node reads the record, downloads the file
 * and uploads it: a chain needs no download and upload steps of its own.
 */

/** The ID of a result of the expected kind, or an error naming the field, the value and what is allowed; nothing is sent. */
export function checkResultId(context: IExecuteFunctions, itemIndex: number, id: string, kind: MediaKind, parameter: string): string {
	const trimmed = id.trim();
	if (kindOfId(trimmed) === kind) return trimmed;
	const { noun, idField } = MEDIA_KINDS[kind];
	throw new NodeOperationError(context.getNode(), `${parameter} ${JSON.stringify(trimmed)} is not the ID of ${withArticle(noun)}; allowed: the ${idField} of ${withArticle(noun)} made by PixVerse, ending in -${kind}:<number>`, {
		itemIndex,
		description: 'Map it from the step that made it, e.g. {{ $json.' + idField + ' }}. Nothing was sent to PixVerse.',
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
	const binary = await downloadResult(context, String(record.url), id);
	const source = `${noun} ${id}`;
	if (binary.id) {
		const { fileSize } = await context.helpers.getBinaryMetadata(binary.id);
		const body = await context.helpers.getBinaryStream(binary.id);
		return (await uploadFile(context, { body, length: fileSize, mimeType: binary.mimeType, email, source }, { itemIndex })).path;
	}
	const body = Buffer.from(binary.data, BINARY_ENCODING);
	return (await uploadFile(context, { body, length: body.length, mimeType: binary.mimeType, email, source }, { itemIndex })).path;
}
