import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkImageSettings } from '../../../core/media/mediaChecks';
import { chargeForImage } from '../../../core/media/mediaCharge';
import { IMAGE_MODELS } from '../../../core/media/imageModels';
import { imageModelFields } from '../../../core/media/mediaFormFields';
import type { OperationDefinition } from '../operation';
import { promptField } from '../shared/commonFields';
import { fileInputs, fileListFields, readFileList } from '../shared/fileFields';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import { readMediaSettings } from '../shared/mediaSettings';

const fields: INodeProperties[] = [
	promptField('What the image shows', { required: true }),
	...imageModelFields,
	...fileListFields({
		name: 'referenceImages',
		displayName: 'Reference Images',
		kind: 'image',
		defaultBinary: 'data',
		optional: true,
		description: 'Images to edit or take the style, subject or layout from (image to image); how many a model takes is in the docs',
	}),
	...generationOptions('image'),
];

/** Reads the form, checks it against the image model's rules and prepares POST /images/create for one image. */
function prepareCreateImage(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const settings: IDataObject = {
		prompt: context.getNodeParameter('prompt', itemIndex, '') as string,
		...readMediaSettings(context, itemIndex, { model: 'model', quality: 'quality', aspectRatio: 'aspect_ratio', detailLevel: 'detail_level' }),
	};
	const sources = readFileList(context, itemIndex, 'referenceImages');
	rejectProblems(context, itemIndex, checkImageSettings({ ...settings, referenceImages: sources.length }));
	const files = fileInputs(context, itemIndex, sources, sources.map((_, index) => `image_path_${index + 1}`), 'image', 'Reference Images');
	return { endpoint: 'createImage', body: settings, files, charge: chargeForImage(settings) };
}

export const createImageOperation: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create an image from text or images',
	description: 'Text to image, or image to image from reference images',
	endpoint: ENDPOINTS.createImage,
	fields,
	outputsVideos: true,
	mediaModels: IMAGE_MODELS.map((model) => model.id),
	run: { kind: 'generation', prepare: prepareCreateImage },
};
