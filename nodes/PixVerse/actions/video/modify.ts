import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModelDeclaration } from '../../../core/models/formFields';
import { modelFields } from '../../../core/models/formFields';
import { ENDPOINTS } from '../../../core/api/endpoints';
import { unpricedOperation } from '../../../core/models/generationCharge';
import type { OperationDefinition } from '../operation';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions } from '../shared/generation';
import { modelBody, readModelSettings } from '../shared/modelSettings';
import { promptField } from '../shared/commonFields';
import { readVideoSource, videoSourceFields } from '../shared/videoSource';

const MODEL: ModelDeclaration = { operation: 'modify', defaultModel: 'v5.5', fields: ['quality', 'seed', 'offPeakMode'] };

const fields: INodeProperties[] = [
	...videoSourceFields(),
	promptField('What to change in the video (up to 5000 characters)', { required: true }),
	...modelFields(MODEL),
	...generationOptions(),
];

function prepareModify(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const source = readVideoSource(context, itemIndex);
	const settings = readModelSettings(context, itemIndex, MODEL);
	settings.prompt = context.getNodeParameter('prompt', itemIndex, '') as string;
	const body = { ...modelBody(context, itemIndex, MODEL, settings), ...source.body };
	return { endpoint: 'modify', body, files: source.files, charge: unpricedOperation('Modify') };
}

export const modifyOperation: OperationDefinition = {
	value: 'modify',
	name: 'Modify',
	action: 'Modify a video with a prompt',
	description: 'Change what a video shows, as a prompt describes',
	endpoint: ENDPOINTS.modify,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareModify },
};
