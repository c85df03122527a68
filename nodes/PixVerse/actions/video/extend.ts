import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModelField } from '../../../core/models/formFields';
import { modelFields } from '../../../core/models/formFields';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, modelBody } from '../shared/generation';
import { readModelSettings } from '../shared/modelSettings';
import { readVideoSource, videoSourceFields } from '../shared/videoSource';
import { promptField } from '../shared/commonFields';

/** What POST /videos/extend takes besides the model: no aspect ratio (the source decides), no preview, no multi-shot. */
const MODEL_FIELDS: ModelField[] = ['quality', 'duration', 'audio', 'offPeakMode', 'seed'];

const fields: INodeProperties[] = [
	...videoSourceFields(),
	promptField('What happens next in the video (optional, up to 5000 characters)'),
	...modelFields('extend', { defaultModel: 'v6', include: MODEL_FIELDS }),
	...generationOptions(),
];

/** Checks the form against the capability table and prepares POST /videos/extend. */
function prepareExtend(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const source = readVideoSource(context, itemIndex);
	const settings = readModelSettings(context, itemIndex, 'extend', MODEL_FIELDS);
	settings.prompt = (context.getNodeParameter('prompt', itemIndex, '') as string) || undefined;
	const body = { ...modelBody(context, itemIndex, 'extend', settings), ...source.body };
	return { endpoint: 'extend', body, files: source.files };
}

export const extendOperation: OperationDefinition = {
	value: 'extend',
	name: 'Extend',
	action: 'Extend a video',
	description: 'Continue a video by a few seconds, optionally guided by a prompt',
	endpoint: ENDPOINTS.extend,
	fields,
	run: { kind: 'generation', prepare: prepareExtend },
};
