import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchVoices } from '../../../core/api/catalogs';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { catalogItems, returnAllFields } from '../shared/paging';
import { listAccountField } from '../shared/commonFields';

const fields: INodeProperties[] = [listAccountField('voices'), ...returnAllFields()];

async function listVoices(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim();
	const voices = await fetchVoices(context, email || undefined, { itemIndex });
	return catalogItems(context, itemIndex, voices.map((voice) => ({ ...voice.entry, speaker_id: voice.speakerId })));
}

export const listVoicesOperation: OperationDefinition = {
	value: 'list',
	name: 'Get Many',
	action: 'Get many lip-sync voices',
	description: 'The voices Lip Sync can speak a text in, with the speaker_id to use',
	endpoint: ENDPOINTS.listVoices,
	fields,
	run: { kind: 'list', execute: listVoices },
};
