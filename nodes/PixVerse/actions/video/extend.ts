import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModelDeclaration } from '../../../core/models/formFields';
import { modelFields } from '../../../core/models/formFields';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions } from '../shared/generation';
import { modelBody, readModelSettings, videoCharge } from '../shared/modelSettings';
import { checkSourceVideo, readVideoSource, videoSourceFields } from '../shared/videoSource';
import { promptField } from '../shared/commonFields';

/** What POST /videos/extend takes besides the model: no aspect ratio (the source decides), no preview, no multi-shot. */
const MODEL: ModelDeclaration = { operation: 'extend', defaultModel: 'v6', fields: ['quality', 'duration', 'audio', 'offPeakMode', 'seed'] };

const fields: INodeProperties[] = [
	...videoSourceFields(),
	promptField('What happens next in the video (optional, up to 5000 characters)'),
	...modelFields(MODEL),
	...generationOptions(),
];

/** Checks the form and the source video's model against the capability table and prepares POST /videos/extend. */
async function prepareExtend(context: IExecuteFunctions, itemIndex: number): Promise<PreparedGeneration> {
	const source = readVideoSource(context, itemIndex);
	const settings = readModelSettings(context, itemIndex, MODEL);
	settings.prompt = (context.getNodeParameter('prompt', itemIndex, '') as string) || undefined;
	const body = { ...modelBody(context, itemIndex, MODEL, settings), ...source.body };
	await checkSourceVideo(context, itemIndex, 'extend', source.body.video_id as string | undefined);
	return { endpoint: 'extend', body, files: source.files, charge: videoCharge(MODEL, settings) };
}

export const extendOperation: OperationDefinition = {
	value: 'extend',
	name: 'Extend',
	action: 'Extend a video',
	description: 'Continue a video by a few seconds, optionally guided by a prompt',
	endpoint: ENDPOINTS.extend,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareExtend },
};
