import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fetchEffects } from '../../../core/api/catalogs';
import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkEffectRequest, findEffect } from '../../catalogs/effects';
import { QUALITIES } from '../../../core/models';
import { chargeForEffect } from '../../../core/models/generationCharge';
import type { OperationDefinition } from '../operation';
import { fileInputs, fileListFields, readFileList } from '../shared/fileFields';
import { effectImageFields } from '../shared/frameFieldNames';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';

const fields: INodeProperties[] = [
	{
		displayName: 'Effect',
		name: 'effect',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The effect template. It decides the model and the duration.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchEffects', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '315001',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A template ID is a number' } }],
			},
		],
	},
	...fileListFields({
		name: 'images',
		displayName: 'Input Images',
		kind: 'image',
		defaultBinary: 'data',
		description: 'The photos the effect animates, in order. Effect type 1 takes one image, type 2 two, types 3 to 5 two up to that many.',
	}),
	{
		displayName: 'Quality',
		name: 'quality',
		type: 'options',
		default: '',
		options: [{ name: "Template's Default", value: '' }, ...QUALITIES.map((quality) => ({ name: quality, value: quality }))],
		description: 'Output resolution; it must be one the effect offers (the list shows them). Higher qualities cost more credits.',
	},
	...generationOptions(),
];

function readTemplateId(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('effect', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(context.getNode(), value ? `Effect "${value}" is not a template ID` : 'No effect chosen', {
			itemIndex,
			description: 'Pick an effect from the list, or give its numeric template_id (see Effect > Get Many). Nothing was sent to PixVerse.',
		});
	}
	return value;
}

/**
 * POST /videos/create with template_id (never with a model). The template is looked up in the
 * catalog (one GET per run) so its quality list and image count are checked before anything is
 * submitted.
 */
async function prepareCreateFromEffect(context: IExecuteFunctions, itemIndex: number): Promise<PreparedGeneration> {
	const templateId = readTemplateId(context, itemIndex);
	const quality = (context.getNodeParameter('quality', itemIndex, '') as string) || undefined;
	const sources = readFileList(context, itemIndex, 'images');
	const files = fileInputs(context, itemIndex, sources, effectImageFields(sources.length), 'image', 'Input Images');

	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim() || undefined;
	const effect = findEffect(await fetchEffects(context, email), templateId);
	if (!effect) {
		throw new NodeOperationError(context.getNode(), `Effect template ${templateId} is not in the PixVerse effects catalog`, {
			itemIndex,
			description: 'Pick an effect from the list, or look the ID up with Effect > Get Many. Nothing was sent to PixVerse.',
		});
	}
	rejectProblems(context, itemIndex, checkEffectRequest(effect, { quality, imageCount: sources.length }));

	const body: IDataObject = { template_id: Number(templateId) };
	const chosenQuality = quality ?? effect.qualities[0];
	if (chosenQuality) body.quality = chosenQuality;
	return { endpoint: 'create', body, files, charge: chargeForEffect(effect) };
}

export const createFromEffectOperation: OperationDefinition = {
	value: 'createFromEffect',
	name: 'Create From Effect',
	action: 'Create a video from an effect template',
	description: 'Animate photos with one of PixVerse\'s effect templates (image effects give a still image)',
	endpoint: `${ENDPOINTS.create} (template_id)`,
	fields,
	outputsResults: true,
	run: { kind: 'generation', prepare: prepareCreateFromEffect },
};
