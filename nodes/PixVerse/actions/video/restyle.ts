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

const MODEL: ModelDeclaration = { operation: 'restyle', defaultModel: 'v4', fields: ['seed', 'offPeakMode'] };

const fields: INodeProperties[] = [
	...videoSourceFields(),
	promptField('The new look of the video (up to 5000 characters)', { required: true }),
	{
		displayName: 'Style Name or ID',
		name: 'restyleId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRestyles', loadOptionsDependsOn: ['account'] },
		default: '',
		description: 'A preset style from PixVerse\'s list, or none to rely on the prompt alone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...modelFields(MODEL),
	...generationOptions(),
];

/** Restyle ids are numbers in PixVerse's catalog; one typed into an expression arrives as text. */
export function restyleIdValue(value: unknown): string | number | undefined {
	if (typeof value === 'number') return value;
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	return /^\d+$/.test(text) ? Number(text) : text;
}

function prepareRestyle(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const source = readVideoSource(context, itemIndex);
	const settings = readModelSettings(context, itemIndex, MODEL);
	settings.prompt = context.getNodeParameter('prompt', itemIndex, '') as string;
	const body = { ...modelBody(context, itemIndex, MODEL, settings), ...source.body };
	const restyleId = restyleIdValue(context.getNodeParameter('restyleId', itemIndex, ''));
	if (restyleId !== undefined) body.restyle_id = restyleId;
	return { endpoint: 'restyle', body, files: source.files, charge: unpricedOperation('Restyle') };
}

export const restyleOperation: OperationDefinition = {
	value: 'restyle',
	name: 'Restyle',
	action: 'Restyle a video',
	description: 'Redraw a video in another style, from a prompt and an optional preset',
	endpoint: ENDPOINTS.restyle,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareRestyle },
};
