import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import type { OperationDefinition } from '../operation';
import { accountQuery, listAccountField } from '../shared/listAccountField';
import { collectPages, returnAllFields } from '../shared/paging';
import { videoItem } from '../shared/outputItems';

/** useapi's default page size for GET /videos. */
export const VIDEO_PAGE_SIZE = 40;

const fields: INodeProperties[] = [listAccountField('videos'), ...returnAllFields()];

/** GET /videos, newest first, including videos still rendering and those started on the website. */
async function listVideos(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const email = context.getNodeParameter('account', itemIndex, '') as string;
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
	const videos = await collectPages(
		async (offset, pageLimit) => {
			const response = await pixverseRequest.call(context, {
				method: 'GET',
				path: '/videos',
				qs: { ...accountQuery(email), limit: pageLimit, offset },
				kind: 'repeatable',
				itemIndex,
				what: 'video list',
			});
			const data = (response.body as { data?: unknown } | undefined)?.data;
			return Array.isArray(data) ? (data as IDataObject[]) : [];
		},
		{ returnAll, limit, pageSize: VIDEO_PAGE_SIZE },
		(video) => video.video_id ?? JSON.stringify(video),
	);
	return videos.map((video) => videoItem(video, itemIndex));
}

export const listOperation: OperationDefinition = {
	value: 'list',
	name: 'List',
	action: 'List videos',
	description: 'Videos of an account, newest first, including those still rendering',
	endpoint: 'GET /videos',
	fields,
	run: { kind: 'list', execute: listVideos },
};
