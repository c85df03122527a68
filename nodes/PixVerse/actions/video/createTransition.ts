import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findModel, modelsFor } from '../../../core/models';
import { modelFields } from '../../../core/models/formFields';
import type { ModelDeclaration } from '../../../core/models/formFields';
import { checkTransitionFrames } from '../../../core/models/references';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import type { FileSource } from '../shared/fileFields';
import { fileInputs } from '../shared/fileFields';
import { numberedFields, segmentFields } from '../shared/frameFieldNames';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import { modelBody, readModelSettings, videoCharge } from '../shared/modelSettings';

const MODEL: ModelDeclaration = { operation: 'createTransition', defaultModel: 'v5', fields: ['quality', 'audio', 'previewMode', 'offPeakMode', 'seed'] };

const transitionModels = modelsFor(MODEL.operation);
const longestSegment = Math.max(...transitionModels.flatMap((model) => model.durations));
const mostFrames = Math.max(...transitionModels.map((model) => model.maxFrames ?? 2));
const frameLimits = transitionModels.map((model) => `${model.id}: ${model.maxFrames ?? 2}`).join(', ');


const fields: INodeProperties[] = [
	...modelFields(MODEL),
	{
		displayName: 'Frames',
		name: 'frames',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Frame',
		description: `The key frames in order, 2 up to the model's limit (${frameLimits}). Each frame except the last also sets the prompt and length of the segment to the next frame.`,
		options: [
			{
				name: 'frame',
				displayName: 'Frame',
				values: [
					{
						displayName: 'Frame Image',
						name: 'source',
						type: 'options',
						default: 'binary',
						options: [
							{ name: 'From Binary Field', value: 'binary' },
							{ name: 'Uploaded File Path', value: 'path' },
						],
					},
					{
						displayName: 'Frame Image Binary Field',
						name: 'binaryProperty',
						type: 'string',
						default: 'data',
						displayOptions: { show: { source: ['binary'] } },
						hint: 'The name of the input binary field holding this frame (PNG, JPEG, GIF or WebP)',
					},
					{
						displayName: 'Frame Image Path',
						name: 'path',
						type: 'string',
						default: '',
						displayOptions: { show: { source: ['path'] } },
						placeholder: 'upload/3f1c….png',
					},
					{
						displayName: 'Prompt to Next Frame',
						name: 'prompt',
						type: 'string',
						default: '',
						description: 'What happens on the way to the next frame (not used on the last frame)',
					},
					{
						displayName: 'Seconds to Next Frame',
						name: 'duration',
						type: 'number',
						default: 5,
						typeOptions: { minValue: 1, maxValue: longestSegment, numberPrecision: 0 },
						description: 'Length of the segment to the next frame (not used on the last frame)',
					},
				],
			},
		],
	},
	...generationOptions(),
];

interface FrameEntry {
	source?: string;
	binaryProperty?: string;
	path?: string;
	prompt?: string;
	duration?: number;
}

/** POST /videos/create-transition: frame_N_path for each frame, prompt/duration_N_to_M for each segment. */
function prepareCreateTransition(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const frames = (context.getNodeParameter('frames.frame', itemIndex, []) as FrameEntry[]) ?? [];
	const settings = { ...readModelSettings(context, itemIndex, MODEL), hasImage: true };
	const body: IDataObject = modelBody(context, itemIndex, MODEL, settings);
	rejectProblems(context, itemIndex, checkTransitionFrames(settings.model, settings.quality, frames));

	segmentFields(frames.length).forEach((segment, index) => {
		const { prompt, duration } = frames[index];
		if (prompt?.trim()) body[segment.prompt] = prompt.trim();
		// useapi documents the segment lengths as numeric strings ("3").
		if (duration !== undefined && duration !== null) body[segment.duration] = String(duration);
	});
	const sources: FileSource[] = frames.map((frame) =>
		frame.source === 'path' ? { path: (frame.path ?? '').trim() } : { binaryProperty: (frame.binaryProperty ?? 'data').trim() },
	);
	// The video runs through every segment; one without a length takes the model's default.
	const seconds = frames.slice(0, -1).reduce((sum, { duration }) => sum + Number(duration ?? findModel(settings.model)?.defaultDuration ?? 0), 0);
	return {
		endpoint: 'createTransition',
		body,
		files: fileInputs(context, itemIndex, sources, numberedFields('frame', frames.length), 'image', 'Frames'),
		charge: videoCharge(MODEL, { ...settings, duration: seconds }),
	};
}

export const createTransitionOperation: OperationDefinition = {
	value: 'createTransition',
	name: 'Create Transition',
	action: 'Create a transition video through key frames',
	description: `A video moving through 2 to ${mostFrames} key frames, with a prompt and length per segment`,
	endpoint: ENDPOINTS.createTransition,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareCreateTransition },
};
