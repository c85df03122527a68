import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchEffects } from '../../../core/api/catalogs';
import { ENDPOINTS } from '../../../core/api/endpoints';
import { findEffect } from '../../catalogs/effects';
import { findModel } from '../../../core/models';
import { estimateCreateCredits, estimateEffectCredits, estimateUpscaleCredits } from '../../../core/models/creditEstimate';
import type { GenerationCharge } from '../../../core/models/generationCharge';
import { chargeForEffect, chargeForUpscale, chargeForVideo } from '../../../core/models/generationCharge';
import type { ModelDeclaration } from '../../../core/models/formFields';
import { modelFields } from '../../../core/models/formFields';
import { checkVideoSettings } from '../../../core/models/validate';
import type { OperationDefinition } from '../operation';
import { rejectProblems } from '../shared/generation';
import { listAccountField } from '../shared/commonFields';
import { videoItem } from '../outputItems';

/** Priced like Create: its models, with the fields that change the price. */
const MODEL: ModelDeclaration = { operation: 'create', defaultModel: 'v6', fields: ['quality', 'duration', 'audio', 'previewMode'] };

const onlyFor = (estimateFor: string) => (field: INodeProperties): INodeProperties => ({
	...field,
	displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, estimateFor: [estimateFor] } },
});

const fields: INodeProperties[] = [
	{
		displayName: 'Estimate For',
		name: 'estimateFor',
		type: 'options',
		noDataExpression: true,
		default: 'create',
		options: [
			{ name: 'Create', value: 'create', description: 'A video from a model, quality and duration' },
			{ name: 'Effect Template', value: 'effect', description: 'One run of an effect template, from the effects catalog' },
			{ name: 'Upscale', value: 'upscale', description: 'Upscaling a video to 4K' },
		],
	},
	...modelFields(MODEL).map(onlyFor('create')),
	...[
		{
			displayName: 'Effect',
			name: 'effect',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: 'The effect template to price',
			modes: [
				{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchEffects', searchable: true } },
				{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '315001' },
			],
		} satisfies INodeProperties,
		listAccountField('effects catalog'),
	].map(onlyFor('effect')),
	onlyFor('upscale')({
		displayName: 'Video Duration (Seconds)',
		name: 'sourceDuration',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1 },
		description: 'Length of the video to upscale',
	}),
];

/** What a Credit Budget counts for it: the estimate, or its stand-in where none is published; null: a budget cannot hold it. */
const budgetCredits = (charge: GenerationCharge) => ({ budget_credits: charge.credits });

function optional<T>(context: IExecuteFunctions, name: string, itemIndex: number): T | undefined {
	return (context.getNodeParameter(name, itemIndex, null) as T | null) ?? undefined;
}

function createEstimate(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const modelId = context.getNodeParameter('model', itemIndex) as string;
	const model = findModel(modelId);
	const quality = optional<string>(context, 'quality', itemIndex) ?? model?.defaultQuality ?? '';
	const duration = optional<number>(context, 'duration', itemIndex) ?? model?.defaultDuration ?? 0;
	const audio = model?.audio === 'toggle' ? (optional<boolean>(context, 'audio', itemIndex) ?? false) : undefined;
	const previewMode = optional<boolean>(context, 'previewMode', itemIndex);
	// The input (text or image) does not change the price; an image is assumed so that
	// image-only models are accepted.
	rejectProblems(context, itemIndex, checkVideoSettings(MODEL.operation, { model: modelId, hasImage: true, quality, duration, audio, previewMode }));
	const settings = { model: modelId, quality, duration, audio, previewMode };
	return { model: modelId, quality, duration, ...estimateCreateCredits(settings), ...budgetCredits(chargeForVideo(MODEL.operation, settings)) };
}

async function effectEstimate(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const templateId = String(context.getNodeParameter('effect', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!templateId) {
		throw new NodeOperationError(context.getNode(), 'No effect chosen', { itemIndex, description: 'Pick an effect from the list, or give its template_id.' });
	}
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim();
	const effect = findEffect(await fetchEffects(context, email || undefined), templateId);
	if (!effect) {
		throw new NodeOperationError(context.getNode(), `Effect template "${templateId}" is not in the effects catalog`, {
			itemIndex,
			description: 'Look the template up with Effect > Get Many and use its template_id.',
		});
	}
	return {
		template_id: effect.template_id,
		display_name: effect.display_name,
		model: effect.template_model || null,
		quality: effect.qualities[0] ?? null,
		duration: effect.duration ?? null,
		...estimateEffectCredits(effect),
		...budgetCredits(chargeForEffect(effect)),
	};
}

function upscaleEstimate(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const duration = context.getNodeParameter('sourceDuration', itemIndex, 5) as number;
	return { model: null, quality: '4K', duration, ...estimateUpscaleCredits(duration), ...budgetCredits(chargeForUpscale(duration)) };
}

/** Works out the expected credit cost from published prices; nothing is generated or charged. */
async function estimateCredits(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const estimateFor = context.getNodeParameter('estimateFor', itemIndex, 'create') as string;
	const json = estimateFor === 'effect'
		? await effectEstimate(context, itemIndex)
		: estimateFor === 'upscale'
			? upscaleEstimate(context, itemIndex)
			: createEstimate(context, itemIndex);
	return videoItem({ estimate_for: estimateFor, ...json }, itemIndex);
}

export const estimateCreditsOperation: OperationDefinition = {
	value: 'estimateCredits',
	name: 'Estimate Credits',
	action: 'Estimate the credits of a video',
	description: 'Expected credit cost of a Create, an effect template or an upscale, from published prices; nothing is generated',
	endpoint: `none (published prices; ${ENDPOINTS.listEffects} for templates)`,
	fields,
	model: MODEL,
	run: { kind: 'perItem', execute: estimateCredits },
};
