import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { modelsFor } from '../../../core/models';
import { chargeForUpscale } from '../../../core/models/generationCharge';
import type { ModelDeclaration } from '../../../core/models/formFields';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions } from '../shared/generation';
import { videoIdField } from '../shared/commonFields';
import { checkSourceVideo, readVideoId, videoSeconds } from '../shared/videoSource';

/** Upscale has no model to choose: PixVerse's upscaler takes videos of these models. */
const MODEL: ModelDeclaration = { operation: 'upscale' };

const UPSCALABLE = modelsFor(MODEL.operation).map((model) => model.label).join(', ');

const fields: INodeProperties[] = [
	{
		...videoIdField,
		description: `The video_id of a finished PixVerse video. Upscale has no model or quality to choose: useapi.net upscales to 4K with PixVerse's own upscaler, which takes only videos made with PixVerse's own models (${UPSCALABLE}).`,
	},
	...generationOptions(),
];

async function prepareUpscale(context: IExecuteFunctions, itemIndex: number): Promise<PreparedGeneration> {
	const videoId = readVideoId(context, itemIndex);
	const source = await checkSourceVideo(context, itemIndex, 'upscale', videoId);
	return { endpoint: 'upscale', body: { video_id: videoId }, files: [], charge: chargeForUpscale(videoSeconds(source)) };
}

export const upscaleOperation: OperationDefinition = {
	value: 'upscale',
	name: 'Upscale',
	action: 'Upscale a video to 4K',
	description: 'Upscale a finished PixVerse video to 4K',
	endpoint: ENDPOINTS.upscale,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareUpscale },
};
