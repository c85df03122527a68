import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readResult } from '../../../core/api/results';
import { kindOfId } from '../../../core/api/mediaKinds';
import type { VideoRecord } from '../../../core/videoStatus';
import type { SourceOperation } from '../../../core/models/sourceModels';
import { checkSourceModel } from '../../../core/models/sourceModels';
import type { FileInput } from './fileInput';
import { rejectProblems } from './generation';
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

/**
 * Refuses, before any generation request, a source video whose model the operation does not take,
 * read with the free GET /videos/{id}, and returns that record. A video useapi cannot show yet
 * (404) is left to the API.
 */
export async function checkSourceVideo(context: IExecuteFunctions, itemIndex: number, operation: SourceOperation, videoId: string | undefined): Promise<VideoRecord | undefined> {
	if (!videoId || kindOfId(videoId) !== 'video') return undefined;
	const record = await readResult(context, videoId, { itemIndex });
	const problem = checkSourceModel(operation, { name: 'videoId', displayName: videoIdField.displayName }, videoId, record?.model);
	rejectProblems(context, itemIndex, problem ? [problem] : []);
	return record;
}

/** A video's length in seconds from its record (`video_duration` once rendered, else the requested `duration`). */
export function videoSeconds(record: VideoRecord | undefined): number | undefined {
	return [record?.video_duration, record?.duration].map(Number).find((value) => Number.isFinite(value) && value > 0);
}
