import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import type { MediaKind } from '../../../core/api/mediaKinds';
import { MEDIA_KINDS } from '../../../core/api/mediaKinds';
import { checkResult, deleteResult, keeps, listResults } from '../../../core/api/results';
import { binaryPropertyField, maxDownloadBytes, maxDownloadSizeField } from '../../../core/binaryPropertyField';
import { downloadResult } from '../../../core/download';
import type { VideoRecord } from '../../../core/videoStatus';
import { replyRefMatches, videoOutcome } from '../../../core/videoStatus';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { accountQuery, listAccountField, videoIdField } from './commonFields';
import { collectPages, returnAllFields } from './paging';
import { checkResultId } from './remoteFiles';

/** Get, Get Many and Delete of what PixVerse made, one implementation for every kind. */

const audioIdField = (kind: 'speech' | 'music'): INodeProperties => ({
	displayName: 'Audio ID',
	name: 'audioId',
	type: 'string',
	default: '',
	required: true,
	placeholder: `user:12345-pixverse:you@example.com-${kind}:987654`,
	description: `The audio_id of a ${MEDIA_KINDS[kind].noun} an earlier PixVerse step made; drag it in from the input to chain steps`,
});

/** The id parameter of each kind's Get and Delete. */
export const RESULT_ID_FIELDS: Record<MediaKind, INodeProperties> = {
	video: videoIdField,
	image: {
		displayName: 'Image ID',
		name: 'imageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'user:12345-pixverse:you@example.com-image:987654',
		description: 'The image_id an earlier PixVerse step returned; drag it in from the input to chain steps',
	},
	speech: audioIdField('speech'),
	music: audioIdField('music'),
};

/**
 * The id given for a kind. An id of another kind is refused before any request (a speech id
 * given to Image > Get would read the wrong endpoint); the video row takes any id, as image
 * effects answer with image ids.
 */
function readResultId(context: IExecuteFunctions, itemIndex: number, kind: MediaKind): string {
	const field = RESULT_ID_FIELDS[kind];
	const id = (context.getNodeParameter(field.name, itemIndex) as string).trim();
	if (kind === 'video') return id;
	return checkResultId(context, itemIndex, id, kind, field.displayName, { source: '', description: `Parameter "${field.name}". Nothing was sent to PixVerse.` });
}

function downloadFields(kind: MediaKind): INodeProperties[] {
	const { file } = MEDIA_KINDS[kind];
	return [
		{
			displayName: `Download ${file.label}`,
			name: 'download',
			type: 'boolean',
			default: false,
			description: `Whether to put the ${file.format} into a binary property when it is finished`,
		},
		binaryPropertyField({ show: { download: [true] } }),
		maxDownloadSizeField({ show: { download: [true] } }),
	];
}

/** The record, with its file when asked for and finished. */
async function resultItem(context: IExecuteFunctions, itemIndex: number, record: VideoRecord): Promise<INodeExecutionData> {
	const download = context.getNodeParameter('download', itemIndex, false) as boolean;
	if (!download || videoOutcome(record) !== 'completed') return videoItem(record, itemIndex);
	const property = context.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
	const maxBytes = maxDownloadBytes(context.getNodeParameter('maxDownloadSize', itemIndex, 0));
	return videoItem(record, itemIndex, { property, data: await downloadResult(context, String(record.url), record.video_id, { maxBytes }) });
}

interface OperationTexts {
	action: string;
	description: string;
}

export function getResultOperation(kind: MediaKind, texts: OperationTexts): OperationDefinition {
	return {
		value: 'get',
		name: 'Get',
		...texts,
		endpoint: ENDPOINTS[MEDIA_KINDS[kind].get],
		fields: [RESULT_ID_FIELDS[kind], ...downloadFields(kind)],
		outputsResults: true,
		run: {
			kind: 'perItem',
			execute: async (context, itemIndex) => await resultItem(context, itemIndex, await checkResult(context, readResultId(context, itemIndex, kind), { itemIndex })),
		},
	};
}

export function listResultsOperation(kind: MediaKind, texts: OperationTexts & { pageSize: number }): OperationDefinition {
	const { noun, idField } = MEDIA_KINDS[kind];
	const nouns = kind === 'music' ? 'music tracks' : kind === 'speech' ? 'speech clips' : `${noun}s`;
	const fields: INodeProperties[] = [
		listAccountField(nouns),
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Callback Reference (replyRef)',
					name: 'replyRef',
					type: 'string',
					default: '',
					placeholder: 'e.g. n8n-execution-1234-*',
					description: `Only ${nouns} whose replyRef is exactly this text; end it with * for every replyRef starting with the text before it (n8n-execution-1234-* finds the ${nouns} execution 1234 started without a reference of yours). The list is read page by page until Limit ${nouns} match.`,
				},
			],
		},
	];
	/** The account's entries, newest first, including those still rendering and those made on the website. */
	const list = async (context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> => {
		const email = context.getNodeParameter('account', itemIndex, '') as string;
		const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
		const { replyRef } = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const filtered = Boolean(MEDIA_KINDS[kind].listKeeps) || (typeof replyRef === 'string' && replyRef !== '');
		const entries = await collectPages(
			async (offset, pageLimit) => await listResults(context, kind, { email: accountQuery(email)?.email, limit: pageLimit, offset }, { itemIndex }),
			{ returnAll, limit, pageSize: texts.pageSize },
			(entry) => entry[idField] ?? JSON.stringify(entry),
			filtered ? { keep: (entry) => keeps(kind, entry) && (typeof replyRef !== 'string' || !replyRef || replyRefMatches(entry, replyRef)) } : {},
		);
		return entries.map((entry) => videoItem(entry, itemIndex));
	};
	return {
		value: 'list',
		name: 'Get Many',
		action: texts.action,
		description: texts.description,
		endpoint: ENDPOINTS[MEDIA_KINDS[kind].list],
		fields,
		outputsResults: true,
		run: { kind: 'list', execute: list },
	};
}

export function deleteResultOperation(kind: MediaKind, texts: OperationTexts): OperationDefinition {
	const { delete: endpoint, idField } = MEDIA_KINDS[kind];
	return {
		value: 'delete',
		name: 'Delete',
		...texts,
		endpoint: ENDPOINTS[endpoint!],
		fields: [RESULT_ID_FIELDS[kind]],
		run: {
			kind: 'perItem',
			/** An unknown id is an error. */
			execute: async (context, itemIndex) => {
				const id = readResultId(context, itemIndex, kind);
				await deleteResult(context, kind, id, { itemIndex });
				return videoItem({ [idField]: id, deleted: true }, itemIndex);
			},
		},
	};
}
