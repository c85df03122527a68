import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchSpeechVoices } from '../../../core/api/catalogs';
import { ENDPOINTS } from '../../../core/api/endpoints';
import { DEFAULT_SPEECH_MODEL, SPEECH_MODELS } from '../../../core/media/speechModels';
import type { OperationDefinition } from '../operation';
import { listAccountField } from '../shared/commonFields';
import { catalogItems, returnAllFields } from '../shared/paging';

const fields: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		default: DEFAULT_SPEECH_MODEL,
		options: SPEECH_MODELS.map((model) => ({ name: model.label, value: model.id, description: `${model.provider} voices` })),
		description: 'The speech model whose voices to list (its provider decides them)',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		description: 'Only voices recommended for this language (ISO code); empty: every voice',
	},
	listAccountField('speech voices'),
	...returnAllFields(),
];

async function listSpeechVoices(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim() || undefined;
	const model = context.getNodeParameter('model', itemIndex, DEFAULT_SPEECH_MODEL) as string;
	const language = (context.getNodeParameter('language', itemIndex, '') as string).trim() || undefined;
	const voices = await fetchSpeechVoices(context, { email, model, language }, { itemIndex });
	return catalogItems(context, itemIndex, voices.map((voice) => ({ ...voice.entry, voice_id: voice.voiceId })));
}

export const listSpeechVoicesOperation: OperationDefinition = {
	value: 'listVoices',
	name: 'Get Many Voices',
	action: 'Get many speech voices',
	description: 'The voices a speech model speaks in, with the voice_id Create takes',
	endpoint: ENDPOINTS.listSpeechVoices,
	fields,
	run: { kind: 'list', execute: listSpeechVoices },
};
