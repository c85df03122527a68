import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['video'], operation: ['get'] };

export const getFields: INodeProperties[] = [
	{
		displayName: 'Video ID',
		name: 'videoId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		placeholder: 'user:12345-pixverse:you@example.com-video:987654',
		description: 'The video_id returned by an earlier PixVerse step; drag it in from the input to chain steps',
	},
	{
		displayName: 'Download Video',
		name: 'download',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to put the MP4 into a binary property when the video is finished',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		displayOptions: { show: { ...show, download: [true] } },
		hint: 'The name of the output binary field to put the MP4 in',
	},
];
