import type { INodeProperties } from 'n8n-workflow';

/** The id of an earlier video; an expression such as {{ $json.video_id }} chains PixVerse steps. */
export const videoIdField: INodeProperties = {
	displayName: 'Video ID',
	name: 'videoId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'user:12345-pixverse:you@example.com-video:987654',
	description: 'The video_id returned by an earlier PixVerse step; drag it in from the input to chain steps',
};
