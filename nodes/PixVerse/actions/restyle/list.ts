import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchRestyles } from '../../../core/api/catalogs';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { catalogItems, returnAllFields } from '../shared/paging';
import { listAccountField } from '../shared/commonFields';

const fields: INodeProperties[] = [listAccountField('restyle presets'), ...returnAllFields()];

async function listRestyles(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim();
	const restyles = await fetchRestyles(context, email || undefined, { itemIndex });
	return catalogItems(context, itemIndex, restyles.map((restyle) => ({ ...restyle.entry, restyle_id: restyle.restyleId })));
}

export const listRestylesOperation: OperationDefinition = {
	value: 'list',
	name: 'Get Many',
	action: 'Get many restyle presets',
	description: 'The preset styles Video > Restyle can use, with the restyle_id to use',
	endpoint: ENDPOINTS.listRestyles,
	fields,
	run: { kind: 'list', execute: listRestyles },
};
