import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { listVideos as listVideoPage } from '../../../core/api/videos';
import { replyRefMatches } from '../../../core/videoStatus';
import type { OperationDefinition } from '../operation';
import { accountQuery, listAccountField } from '../shared/commonFields';
import { collectPages, returnAllFields } from '../shared/paging';
import { videoItem } from '../outputItems';

/** useapi's default page size for GET /videos. */
export const VIDEO_PAGE_SIZE = 40;

const fields: INodeProperties[] = [
	listAccountField('videos'),
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
				description:
					'Only videos whose replyRef is exactly this text; end it with * for every replyRef starting with the text before it (n8n-execution-1234-* finds the videos execution 1234 started without a reference of yours). The list is read page by page until Limit videos match.',
			},
		],
	},
];

/** The account's videos, newest first, including videos still rendering and those started on the website. */
async function listVideos(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const email = context.getNodeParameter('account', itemIndex, '') as string;
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
	const { replyRef } = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const videos = await collectPages(
		async (offset, pageLimit) => await listVideoPage(context, { email: accountQuery(email)?.email, limit: pageLimit, offset }, { itemIndex }),
		{ returnAll, limit, pageSize: VIDEO_PAGE_SIZE },
		(video) => video.video_id ?? JSON.stringify(video),
		typeof replyRef === 'string' && replyRef ? { keep: (video) => replyRefMatches(video, replyRef) } : {},
	);
	return videos.map((video) => videoItem(video, itemIndex));
}

export const listOperation: OperationDefinition = {
	value: 'list',
	name: 'Get Many',
	action: 'Get many videos',
	description: 'Videos of an account, newest first, including those still rendering',
	endpoint: ENDPOINTS.listVideos,
	fields,
	outputsVideos: true,
	run: { kind: 'list', execute: listVideos },
};
