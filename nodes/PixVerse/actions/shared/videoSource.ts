import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FileInput } from './fileInput';
import type { SourceChoiceSpec } from './sourceChoice';
import { readSourceChoice, sourceChoiceFields } from './sourceChoice';
import { videoIdField } from './commonFields';

/** The video an extend, lip sync, modify or restyle starts from: `video_id`, or an uploaded `video_path`. */
const VIDEO_SOURCE: SourceChoiceSpec = {
	name: 'video',
	displayName: 'Video Source',
	kind: 'video',
	apiField: 'video_path',
	description: 'The video to work on: one made by an earlier PixVerse step, or a video file of your own',
	choice: { name: 'Video ID (Earlier PixVerse Video)', value: 'id', description: 'The video_id an earlier PixVerse step returned' },
	defaultBinary: 'data',
};

export function videoSourceFields(): INodeProperties[] {
	const [selector, ...fileFields] = sourceChoiceFields(VIDEO_SOURCE);
	return [selector, { ...videoIdField, displayOptions: { show: { videoSource: ['id'] } } }, ...fileFields];
}

/** The Video ID parameter, trimmed; empty is refused before anything is sent. */
export function readVideoId(context: IExecuteFunctions, itemIndex: number): string {
	const videoId = String(context.getNodeParameter('videoId', itemIndex, '') ?? '').trim();
	if (!videoId) {
		throw new NodeOperationError(context.getNode(), '"Video ID" is empty', {
			itemIndex,
			description: 'Map the video_id of an earlier PixVerse step, e.g. {{ $json.video_id }}. Nothing was sent to PixVerse.',
		});
	}
	return videoId;
}

/** Body fields (video_id) and files (video_path) for the chosen Video Source. */
export function readVideoSource(context: IExecuteFunctions, itemIndex: number): { body: IDataObject; files: FileInput[] } {
	const file = readSourceChoice(context, itemIndex, VIDEO_SOURCE);
	if (file) return { body: {}, files: [file] };
	return { body: { video_id: readVideoId(context, itemIndex) }, files: [] };
}
