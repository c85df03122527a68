import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Effect } from '../../../core/api/catalogs';
import { fetchEffects } from '../../../core/api/catalogs';
import { ENDPOINTS } from '../../../core/api/endpoints';
import { effectCost } from '../../../core/models/creditEstimate';
import type { OperationDefinition } from '../operation';
import { accountField } from '../shared/commonFields';
import { returnAllFields } from '../shared/paging';

const fields: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only effects whose name contains this text (not case-sensitive)',
			},
			{
				displayName: 'Effect Type',
				name: 'effectType',
				type: 'options',
				default: '1',
				options: [
					{ name: '1 – One Image', value: '1' },
					{ name: '2 – Two Images', value: '2' },
					{ name: '3 – Two or Three Images', value: '3' },
					{ name: '4 – Two to Four Images', value: '4' },
					{ name: '5 – Two to Five Images', value: '5' },
				],
				description: 'Only effects of this type (how many input images they take)',
			},
			{
				displayName: 'Result',
				name: 'result',
				type: 'options',
				default: 'video',
				options: [
					{ name: 'Video', value: 'video' },
					{ name: 'Still Image', value: 'image' },
				],
				description: 'Only effects that make a video, or only those that make a still image',
			},
		],
	},
	accountField,
];

export interface EffectFilters {
	name?: string;
	effectType?: string;
	result?: 'video' | 'image';
}

export function filterEffects(effects: Effect[], filters: EffectFilters): Effect[] {
	const name = filters.name?.trim().toLowerCase();
	return effects.filter((effect) =>
		(!name || effect.display_name.toLowerCase().includes(name)) &&
		(!filters.effectType || effect.effect_type === filters.effectType) &&
		(!filters.result || (Number(effect.template_type) === 2) === (filters.result === 'image')),
	);
}

/** GET /videos/effects, filtered here (the API has no filters): one item per template, with its total cost. */
async function listEffects(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (context.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = context.getNodeParameter('filters', itemIndex, {}) as EffectFilters;
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim() || undefined;
	const effects = filterEffects(await fetchEffects(context, email), filters).slice(0, limit);
	return effects.map((effect) => ({ json: { ...effect, total_cost: effectCost(effect) ?? null }, pairedItem: { item: itemIndex } }));
}

export const listEffectsOperation: OperationDefinition = {
	value: 'list',
	name: 'Get Many',
	action: 'Get many effect templates',
	description: 'The effect templates to use with Video > Create From Effect, with their image counts, qualities and credit cost',
	endpoint: ENDPOINTS.listEffects,
	fields,
	run: { kind: 'list', execute: listEffects },
};
