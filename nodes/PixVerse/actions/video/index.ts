import type { ResourceDefinition } from '../operation';
import { createOperation } from './create';
import { createFramesOperation } from './createFrames';
import { createFromEffectOperation } from './createFromEffect';
import { createFusionOperation } from './createFusion';
import { createTransitionOperation } from './createTransition';
import { deleteOperation } from './delete';
import { downloadOperation } from './download';
import { estimateCreditsOperation } from './estimateCredits';
import { extendOperation } from './extend';
import { getOperation } from './get';
import { lipsyncOperation } from './lipsync';
import { listOperation } from './list';
import { modifyOperation } from './modify';
import { motionControlOperation } from './motionControl';
import { restyleOperation } from './restyle';
import { upscaleOperation } from './upscale';
import { waitForCompletionOperation } from './waitForCompletion';

export const videoResource: ResourceDefinition = {
	value: 'video',
	name: 'Video',
	operations: [createOperation, createFromEffectOperation, createFramesOperation, createTransitionOperation, createFusionOperation, extendOperation, upscaleOperation, lipsyncOperation, modifyOperation, motionControlOperation, restyleOperation, getOperation, waitForCompletionOperation, listOperation, downloadOperation, deleteOperation, estimateCreditsOperation],
};
