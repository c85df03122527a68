import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';

import type { ModelDeclaration } from '../../../core/models/formFields';
import { modelFields } from '../../../core/models/formFields';
import type { VideoSettings } from '../../../core/models/validate';
import { binaryFileInput } from '../shared/fileInput';
import type { FileInput } from '../shared/fileInput';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions } from '../shared/generation';
import { modelBody, readModelSettings, videoCharge } from '../shared/modelSettings';
import { promptField } from '../shared/commonFields';
import { checkResultId } from '../shared/remoteFiles';

const MODEL: ModelDeclaration = {
	operation: 'create',
	defaultModel: 'v6',
	fields: ['quality', 'duration', 'aspectRatio', 'audio', 'multiShot', 'previewMode', 'offPeakMode', 'seed'],
	// With an input image the video takes the image's shape.
	aspectRatioShow: { imageSource: ['none'] },
};

const fields: INodeProperties[] = [
	promptField('What the video shows (up to 5000 characters)', { required: true }),
	{
		displayName: 'Input Image',
		name: 'imageSource',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'None (Text to Video)', value: 'none' },
			{ name: 'From Binary Field', value: 'binary', description: 'Upload an image from the input item, then animate it' },
			{ name: 'Uploaded File Path', value: 'path', description: 'A path returned by an earlier upload (e.g. upload/….png)' },
			{ name: 'Image Made by PixVerse (ID)', value: 'result', description: 'An image an earlier Image → Create made, by its image_id; the node uploads it' },
		],
		description: 'Start the video from an image (image to video)',
	},
	{
		displayName: 'Input Binary Field',
		name: 'imageBinaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { imageSource: ['binary'] } },
		hint: 'The name of the input binary field holding the image (PNG, JPEG, GIF or WebP)',
	},
	{
		displayName: 'Image Path',
		name: 'imagePath',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { imageSource: ['path'] } },
		placeholder: 'upload/3f1c….png',
	},
	{
		displayName: 'Image ID',
		name: 'imageResultId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { imageSource: ['result'] } },
		placeholder: 'user:12345-pixverse:you@example.com-image:987654',
		description: "The image_id of an image an earlier PixVerse step made; drag it in from that step's output",
	},
	...modelFields(MODEL),
	...generationOptions(),
];

/** Reads the form, checks it against the capability table and prepares POST /videos/create. */
function prepareCreate(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const imageSource = context.getNodeParameter('imageSource', itemIndex, 'none') as string;
	const hasImage = imageSource !== 'none';
	const settings: VideoSettings = {
		...readModelSettings(context, itemIndex, MODEL, hasImage ? ['aspectRatio'] : []),
		prompt: context.getNodeParameter('prompt', itemIndex, '') as string,
		hasImage,
	};
	const body = modelBody(context, itemIndex, MODEL, settings);

	const files: FileInput[] = [];
	if (imageSource === 'binary') {
		const binaryProperty = context.getNodeParameter('imageBinaryProperty', itemIndex) as string;
		files.push(binaryFileInput(context, itemIndex, { field: 'first_frame_path', kind: 'image', binaryProperty, parameter: 'Input Binary Field' }));
	} else if (imageSource === 'path') {
		files.push({ field: 'first_frame_path', kind: 'image', path: (context.getNodeParameter('imagePath', itemIndex) as string).trim() });
	} else if (imageSource === 'result') {
		const id = context.getNodeParameter('imageResultId', itemIndex, '') as string;
		files.push({ field: 'first_frame_path', kind: 'image', resultId: checkResultId(context, itemIndex, id, 'image', 'Image ID') });
	}
	return { endpoint: 'create', body, files, charge: videoCharge(MODEL, settings) };
}

export const createOperation: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create a video from text or an image',
	description: 'Text to video, or image to video from a binary or an uploaded image',
	endpoint: ENDPOINTS.create,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareCreate },
};
