import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { modelFields } from '../../../core/models/formFields';
import type { ModelDeclaration } from '../../../core/models/formFields';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { fileInputs, readSingleFile, singleFileFields } from '../shared/fileFields';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions } from '../shared/generation';
import { modelBody, readModelSettings, videoCharge } from '../shared/modelSettings';
import { promptField } from '../shared/commonFields';

const MODEL: ModelDeclaration = { operation: 'createFrames', defaultModel: 'v5.6', fields: ['quality', 'duration', 'audio', 'previewMode', 'offPeakMode', 'seed'] };

const fields: INodeProperties[] = [
	...singleFileFields({ name: 'firstFrame', displayName: 'First Frame', kind: 'image', defaultBinary: 'data', description: 'The image the video starts from' }),
	...singleFileFields({ name: 'lastFrame', displayName: 'Last Frame', kind: 'image', defaultBinary: 'data2', description: 'The image the video ends on' }),
	promptField('Optional: what happens between the two frames (up to 5000 characters)'),
	...modelFields(MODEL),
	...generationOptions(),
];

/** POST /videos/create-frames: the video's shape comes from the images, so there is no aspect ratio. */
function prepareCreateFrames(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const prompt = (context.getNodeParameter('prompt', itemIndex, '') as string) || undefined;
	const settings = { ...readModelSettings(context, itemIndex, MODEL), prompt, hasImage: true };
	const body = modelBody(context, itemIndex, MODEL, settings);
	const sources = [readSingleFile(context, itemIndex, 'firstFrame'), readSingleFile(context, itemIndex, 'lastFrame')];
	return {
		endpoint: 'createFrames',
		body,
		files: [
			...fileInputs(context, itemIndex, sources.slice(0, 1), ['first_frame_path'], 'image', 'First Frame'),
			...fileInputs(context, itemIndex, sources.slice(1), ['last_frame_path'], 'image', 'Last Frame'),
		],
		charge: videoCharge(MODEL, settings),
	};
}

export const createFramesOperation: OperationDefinition = {
	value: 'createFrames',
	name: 'Create From First and Last Frame',
	action: 'Create a video between a first and a last frame',
	description: 'A video that starts on one image and ends on another',
	endpoint: ENDPOINTS.createFrames,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareCreateFrames },
};
