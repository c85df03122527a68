import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModelDeclaration } from '../../../core/models/formFields';
import { modelFields } from '../../../core/models/formFields';
import { ENDPOINTS } from '../../../core/api/endpoints';
import { unpricedOperation } from '../../../core/models/generationCharge';
import type { OperationDefinition } from '../operation';
import { fileInputs, readSingleFile, singleFileFields } from '../shared/fileFields';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions } from '../shared/generation';
import { modelBody, readModelSettings } from '../shared/modelSettings';

const MODEL: ModelDeclaration = { operation: 'motionControl', defaultModel: 'v5.6', fields: ['quality', 'offPeakMode'] };

const fields: INodeProperties[] = [
	...singleFileFields({
		name: 'characterImage',
		displayName: 'Character Image',
		kind: 'image',
		defaultBinary: 'image',
		description: 'The person or animal to animate; PixVerse refuses an image without a clear one',
	}),
	...singleFileFields({
		name: 'motionVideo',
		displayName: 'Motion Video',
		kind: 'video',
		defaultBinary: 'video',
		description: 'The movement to copy: a video of 1 to 30 seconds, at most 50 MB and 1920×1920',
	}),
	...modelFields(MODEL),
	...generationOptions(),
];

function prepareMotionControl(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const files = [
		...fileInputs(context, itemIndex, [readSingleFile(context, itemIndex, 'characterImage')], ['frame_1_path'], 'image', 'Character Image Binary Field'),
		...fileInputs(context, itemIndex, [readSingleFile(context, itemIndex, 'motionVideo')], ['video_1_path'], 'video', 'Motion Video Binary Field'),
	];
	const settings = readModelSettings(context, itemIndex, MODEL);
	return { endpoint: 'motionControl', body: modelBody(context, itemIndex, MODEL, settings), files, charge: unpricedOperation('Motion Control') };
}

export const motionControlOperation: OperationDefinition = {
	value: 'motionControl',
	name: 'Motion Control',
	action: 'Animate a character with the motion of a video',
	description: 'Make the character of an image move like the person in a motion video',
	endpoint: ENDPOINTS.motionControl,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareMotionControl },
};
