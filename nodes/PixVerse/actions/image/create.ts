import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkImageSettings } from '../../../core/media/mediaChecks';
import { chargeForImage } from '../../../core/media/mediaCharge';
import { IMAGE_MODELS, MAX_IMAGE_COUNT } from '../../../core/media/imageModels';
import type { SettingProblem } from '../../../core/models/validate';
import { imageModelFields } from '../../../core/media/mediaFormFields';
import type { OperationDefinition } from '../operation';
import { promptField } from '../shared/commonFields';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import { readMediaSettings, readReferenceImages, referenceImageFields } from '../shared/mediaSettings';

const fields: INodeProperties[] = [
	promptField('What the image shows', { required: true }),
	...imageModelFields,
	{
		displayName: 'Image Count',
		name: 'imageCount',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, maxValue: MAX_IMAGE_COUNT, numberPrecision: 0 },
		description: `How many images to make from this item, 1 to ${MAX_IMAGE_COUNT}, each charged; each comes out as its own item. Above 1 not with "Resume When PixVerse Calls Back" or an Idempotency Key.`,
	},
	...referenceImageFields('Images to edit or take the style, subject or layout from (image to image); how many a model takes is in the docs'),
	...generationOptions('image'),
];

/**
 * Several images from one request come out as one item each. A parked execution and an
 * Idempotency Key both find a job by its one result, so with either of them one image per item.
 */
function imageCountProblems(context: IExecuteFunctions, itemIndex: number, count: unknown): SettingProblem[] {
	if (count === undefined || count === 1) return [];
	const message = (what: string) => `Image Count ${JSON.stringify(count)} cannot go with ${what}; allowed: 1 (send one item per image instead)`;
	const problems: SettingProblem[] = [];
	if (context.getNodeParameter('waitMode', itemIndex, 'poll') === 'callback') problems.push({ field: 'imageCount', value: count, message: message('"Resume When PixVerse Calls Back"') });
	if (String(context.getNodeParameter('options.idempotencyKey', itemIndex, '') ?? '').trim()) problems.push({ field: 'imageCount', value: count, message: message('an Idempotency Key') });
	return problems;
}

/** Reads the form, checks it against the image model's rules and prepares POST /images/create. */
function prepareCreateImage(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const settings: IDataObject = {
		prompt: context.getNodeParameter('prompt', itemIndex, '') as string,
		...readMediaSettings(context, itemIndex, { model: 'model', quality: 'quality', aspectRatio: 'aspect_ratio', detailLevel: 'detail_level', imageCount: 'create_count' }),
	};
	if (settings.create_count === 1) delete settings.create_count;
	const files = readReferenceImages(context, itemIndex);
	rejectProblems(context, itemIndex, [...checkImageSettings({ ...settings, referenceImages: files.length }), ...imageCountProblems(context, itemIndex, settings.create_count)]);
	return { endpoint: 'createImage', body: settings, files, charge: chargeForImage(settings) };
}

export const createImageOperation: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create an image from text or images',
	description: 'Text to image, or image to image from reference images',
	endpoint: ENDPOINTS.createImage,
	fields,
	outputsResults: true,
	mediaModels: IMAGE_MODELS.map((model) => model.id),
	run: { kind: 'generation', prepare: prepareCreateImage },
};
