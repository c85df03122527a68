import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../operation';
import { accountField } from '../shared/commonFields';
import { uploadBinary } from '../shared/fileInput';
import type { FileKind } from '../shared/uploadTypes';
import { UPLOAD_TYPES } from '../shared/uploadTypes';
import { videoItem } from '../outputItems';
import { defaultAccount } from '../../../core/api/accounts';
import { ENDPOINTS } from '../../../core/api/endpoints';

const fields: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the image, video or audio file',
	},
	{
		...accountField,
		description:
			'The PixVerse account (email) to upload with; the file can then be used from any account. On automatic, the first configured account is used. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const ALLOWED_TYPES = Object.values(UPLOAD_TYPES).flat();

/** Which kind of file PixVerse takes a content type as, if any. */
export function uploadKindOf(mimeType: string): FileKind | undefined {
	const type = mimeType.split(';')[0].trim().toLowerCase();
	const kinds = Object.keys(UPLOAD_TYPES) as FileKind[];
	return kinds.find((kind) => (UPLOAD_TYPES[kind] as readonly string[]).some((allowed) => allowed.toLowerCase() === type));
}

/** Uploads the input binary as the raw body, streamed from n8n's binary storage. */
async function uploadFile(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const binaryProperty = context.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim();
	const binary = context.helpers.assertBinaryData(itemIndex, binaryProperty);
	const mimeType = (binary.mimeType || '').split(';')[0].trim();
	const kind = uploadKindOf(mimeType);
	if (!kind) {
		throw new NodeOperationError(context.getNode(), `The file in binary field "${binaryProperty}" has type "${mimeType || 'unknown'}", which PixVerse does not accept; allowed: ${ALLOWED_TYPES.join(', ')}`, {
			itemIndex,
			description: 'Convert the file to one of the allowed types first. Nothing was sent to PixVerse.',
		});
	}
	const { path, details } = await uploadBinary(context, itemIndex, binaryProperty, mimeType, email || (await defaultAccount(context)));
	return videoItem({ ...details, path, url: details.url, kind, mime_type: mimeType, file_name: binary.fileName }, itemIndex);
}

export const uploadOperation: OperationDefinition = {
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file',
	description: 'Upload an image, video or audio file; its path can be used by other operations',
	endpoint: ENDPOINTS.uploadFile,
	fields,
	run: { kind: 'perItem', execute: uploadFile },
};
