import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import type { Readable } from '../transport/streams';
import type { CallOptions } from './endpoints';
import { callEndpoint, recordAnswer } from './endpoints';

export interface Upload {
	body: Buffer | Readable;
	mimeType: string;
	length?: number;
	email?: string;
	/** Where the file comes from, to name in errors: `binary field "data"`, `speech <id>`. */
	source: string;
}

export interface UploadedFile {
	path: string;
	/** The uploaded file's record: `result[0]` for images, the answer itself for videos and audios. */
	details: IDataObject;
}

/**
 * POST /files with the file as the raw body. useapi answers image uploads with
 * `{result: [{id, url, path, …}]}` and video and audio uploads with `{path, url}`.
 */
export async function uploadFile(context: PixverseContext, upload: Upload, options: CallOptions = {}): Promise<UploadedFile> {
	const headers: IDataObject = { 'Content-Type': upload.mimeType };
	if (upload.length !== undefined) headers['Content-Length'] = upload.length;
	const response = await callEndpoint(context, 'uploadFile', {
		...options,
		qs: upload.email ? { email: upload.email } : undefined,
		body: upload.body,
		headers,
		what: `upload of ${upload.source}`,
	});
	const answer = recordAnswer(context, 'uploadFile', response.body, options.itemIndex);
	const details = ((answer.result as IDataObject[] | undefined)?.[0] ?? answer) as IDataObject;
	const path = details.path ?? answer.path;
	if (typeof path !== 'string' || !path) {
		throw new NodeOperationError(context.getNode(), `The upload of ${upload.source} returned no file path`, {
			itemIndex: options.itemIndex,
			description: `useapi.net answered: ${JSON.stringify(answer).slice(0, 300)}`,
		});
	}
	return { path, details };
}
