import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { uploadFile } from '../../../core/api/files';
import type { UploadedFile } from '../../../core/api/files';
import type { Readable } from '../../../core/transport/streams';
import { formatNames, formatsOf, SIGNATURE_BYTES } from './fileSignature';
import { uploadFromUrl, uploadResult } from './remoteFiles';
import type { FileKind } from './uploadTypes';
import { UPLOAD_TYPES } from './uploadTypes';

/** A file a request needs, known before anything is sent: an input binary, an uploaded path, or a file PixVerse made (by its ID). */
export type FileInput =
	| { field: string; kind: FileKind; binaryProperty: string; mimeType: string }
	| { field: string; kind: FileKind; path: string }
	| { field: string; kind: FileKind; resultId: string }
	| { field: string; kind: FileKind; url: string };

/**
 * Checks an input binary without sending anything: it must exist and have a content type
 * useapi accepts for this kind of file.
 */
export function binaryFileInput(context: IExecuteFunctions, itemIndex: number, options: { field: string; kind: FileKind; binaryProperty: string; parameter: string }): FileInput {
	const binary = context.helpers.assertBinaryData(itemIndex, options.binaryProperty);
	const mimeType = (binary.mimeType || '').split(';')[0].trim();
	const allowed = UPLOAD_TYPES[options.kind] as readonly string[];
	if (!allowed.some((type) => type.toLowerCase() === mimeType.toLowerCase())) {
		throw new NodeOperationError(
			context.getNode(),
			`The file in binary field "${options.binaryProperty}" has type "${mimeType || 'unknown'}", which PixVerse does not accept as ${options.kind === 'image' ? 'an image' : `a ${options.kind}`}; allowed: ${allowed.join(', ')}`,
			{ itemIndex, description: `Set in "${options.parameter}". Nothing was sent to PixVerse.` },
		);
	}
	return { field: options.field, kind: options.kind, binaryProperty: options.binaryProperty, mimeType };
}

/** The first bytes of an input binary, read without loading the whole file. */
async function binaryHead(context: IExecuteFunctions, itemIndex: number, binaryProperty: string): Promise<Buffer> {
	const binary = context.helpers.assertBinaryData(itemIndex, binaryProperty);
	if (!binary.id) return Buffer.from(binary.data.slice(0, Math.ceil(SIGNATURE_BYTES / 3) * 4), 'base64');
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of (await context.helpers.getBinaryStream(binary.id)) as AsyncIterable<Buffer>) {
		chunks.push(chunk);
		length += chunk.length;
		if (length >= SIGNATURE_BYTES) break;
	}
	return Buffer.concat(chunks).subarray(0, SIGNATURE_BYTES);
}

/**
 * Checks that an input binary's bytes are what its content type says, before anything is sent:
 * a text file labelled image/png would be uploaded, and the generation fail or be charged.
 */
export async function checkBinaryContent(context: IExecuteFunctions, itemIndex: number, input: FileInput): Promise<void> {
	if (!('binaryProperty' in input)) return;
	const head = await binaryHead(context, itemIndex, input.binaryProperty);
	if (formatsOf(head, input.kind).length) return;
	const start = JSON.stringify(head.subarray(0, 12).toString('latin1'));
	throw new NodeOperationError(
		context.getNode(),
		`The file in binary field "${input.binaryProperty}" is labelled ${input.mimeType}, but its content is not ${input.kind === 'image' ? 'an image' : `a ${input.kind} file`} (it starts with ${start}); allowed: ${formatNames(input.kind)}`,
		{ itemIndex, description: 'Check what the previous node put into this binary field. Nothing was sent to PixVerse and no credits were used.' },
	);
}

async function readBinary(context: IExecuteFunctions, itemIndex: number, binaryProperty: string): Promise<{ body: Buffer | Readable; length?: number }> {
	const binary = context.helpers.assertBinaryData(itemIndex, binaryProperty);
	if (binary.id) {
		const metadata = await context.helpers.getBinaryMetadata(binary.id);
		return { body: await context.helpers.getBinaryStream(binary.id), length: metadata.fileSize };
	}
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, binaryProperty);
	return { body: buffer, length: buffer.length };
}

/** Uploads an input binary, streamed from n8n's binary storage. */
export async function uploadBinary(context: IExecuteFunctions, itemIndex: number, binaryProperty: string, mimeType: string, email?: string): Promise<UploadedFile> {
	const { body, length } = await readBinary(context, itemIndex, binaryProperty);
	return await uploadFile(context, { body, length, mimeType, email, source: `binary field "${binaryProperty}"` }, { itemIndex });
}

/** The path a request names the file by: given, or from uploading the input binary, the file PixVerse made or the file at the URL. */
export async function resolveFileInput(context: IExecuteFunctions, itemIndex: number, input: FileInput, email?: string): Promise<string> {
	if ('path' in input) return input.path;
	if ('resultId' in input) return await uploadResult(context, itemIndex, input.resultId, email);
	if ('url' in input) return await uploadFromUrl(context, itemIndex, input.url, input.kind, email);
	return (await uploadBinary(context, itemIndex, input.binaryProperty, input.mimeType, email)).path;
}
