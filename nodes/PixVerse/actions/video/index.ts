import type { INodeProperties } from 'n8n-workflow';

import { accountField } from '../shared/accountField';
import { waitFields } from '../shared/waitFields';
import { createFields } from './create';
import { getFields } from './get';

export { prepareCreate } from './create';
export { getVideo } from './getVideo';

const generating = ['create'];

export const videoOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['video'] } },
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a video from text or an image',
			description: 'Text to video, or image to video from a binary or an uploaded image',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a video',
			description: 'Status, URL and details of one video',
		},
	],
};

export const videoFields: INodeProperties[] = [
	...createFields,
	...getFields,
	accountField({ show: { resource: ['video'], operation: generating } }),
	...waitFields({ resource: ['video'], operation: generating }),
];
