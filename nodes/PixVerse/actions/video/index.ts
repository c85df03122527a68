import type { ResourceDefinition } from '../operation';
import { createOperation } from './create';
import { createFromEffectOperation } from './createFromEffect';
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

export const videoResource: ResourceDefinition = {
	value: 'video',
	name: 'Video',
	operations: [createOperation, createFromEffectOperation, extendOperation, upscaleOperation, lipsyncOperation, modifyOperation, motionControlOperation, restyleOperation, getOperation, listOperation, downloadOperation, deleteOperation, estimateCreditsOperation],
};
