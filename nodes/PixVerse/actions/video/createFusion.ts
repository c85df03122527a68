import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { modelsFor } from '../../../core/models';
import { modelFields } from '../../../core/models/formFields';
import type { ModelDeclaration } from '../../../core/models/formFields';
import { checkFusionReferences } from '../../../core/models/references';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { fileInputs, fileListFields, readFileList } from '../shared/fileFields';
import { numberedFields } from '../shared/frameFieldNames';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import { modelBody, readModelSettings, videoCharge } from '../shared/modelSettings';
import { promptField } from '../shared/commonFields';

const MODEL: ModelDeclaration = { operation: 'createFusion', defaultModel: 'pixverse-c1', fields: ['quality', 'duration', 'aspectRatio', 'offPeakMode', 'seed'] };

const fusionModels = modelsFor(MODEL.operation);
const imageLimits = fusionModels.map((model) => `${model.id}: ${model.maxImages ?? 1}`).join(', ');
const withVideos = fusionModels.filter((model) => (model.maxVideos ?? 0) > 0).map((model) => model.id);
const withAudios = fusionModels.filter((model) => (model.maxAudios ?? 0) > 0).map((model) => model.id);


const fields: INodeProperties[] = [
	promptField('What the video shows; refer to the reference images in order as @image1, @image2 … (and to reference videos and audios as @video1 …, @audio1 …)', { required: true, placeholder: '@image1 walks into the room shown in @image2' }),
	...modelFields(MODEL),
	...fileListFields({
		name: 'referenceImages',
		displayName: 'Reference Images',
		kind: 'image',
		defaultBinary: 'data',
		description: `The images the prompt refers to, in order (@image1 first). Most per model: ${imageLimits}.`,
	}),
	...fileListFields({
		name: 'referenceVideos',
		displayName: 'Reference Videos',
		kind: 'video',
		defaultBinary: 'video',
		optional: true,
		show: { model: withVideos },
		description: 'Videos the prompt refers to as @video1 … (2-15 s each, 15 s in total)',
	}),
	...fileListFields({
		name: 'referenceAudios',
		displayName: 'Reference Audios',
		kind: 'audio',
		defaultBinary: 'audio',
		optional: true,
		show: { model: withAudios },
		description: 'Audio clips the prompt refers to as @audio1 … (2-15 s each, 15 s in total)',
	}),
	...generationOptions(),
];

/** POST /videos/create-fusion: frame_N_path per reference image, video_N_path / audio_N_path where the model takes them. */
function prepareCreateFusion(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const prompt = (context.getNodeParameter('prompt', itemIndex, '') as string).trim();
	const settings = { ...readModelSettings(context, itemIndex, MODEL), prompt };
	const body = modelBody(context, itemIndex, MODEL, settings);

	const images = readFileList(context, itemIndex, 'referenceImages');
	const videos = readFileList(context, itemIndex, 'referenceVideos');
	const audios = readFileList(context, itemIndex, 'referenceAudios');
	rejectProblems(context, itemIndex, checkFusionReferences(settings.model, { images: images.length, videos: videos.length, audios: audios.length }));

	return {
		endpoint: 'createFusion',
		body,
		files: [
			...fileInputs(context, itemIndex, images, numberedFields('frame', images.length), 'image', 'Reference Images'),
			...fileInputs(context, itemIndex, videos, numberedFields('video', videos.length), 'video', 'Reference Videos'),
			...fileInputs(context, itemIndex, audios, numberedFields('audio', audios.length), 'audio', 'Reference Audios'),
		],
		charge: videoCharge(MODEL, settings),
	};
}

export const createFusionOperation: OperationDefinition = {
	value: 'createFusion',
	name: 'Create Fusion',
	action: 'Create a video from reference images',
	description: 'Combine people, objects and scenes from reference images (and, on Seedance, videos and audios) in one video',
	endpoint: ENDPOINTS.createFusion,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareCreateFusion },
};
