import type { ResourceDefinition } from '../operation';
import { createOperation } from './create';
import { createFromEffectOperation } from './createFromEffect';
import { deleteOperation } from './delete';
import { downloadOperation } from './download';
import { estimateCreditsOperation } from './estimateCredits';
import { getOperation } from './get';
import { listOperation } from './list';

export const videoResource: ResourceDefinition = {
	value: 'video',
	name: 'Video',
	operations: [createOperation, createFromEffectOperation, getOperation, listOperation, downloadOperation, deleteOperation, estimateCreditsOperation],
};
