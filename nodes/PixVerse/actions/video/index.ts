import type { ResourceDefinition } from '../operation';
import { createOperation } from './create';
import { getOperation } from './get';

export const videoResource: ResourceDefinition = {
	value: 'video',
	name: 'Video',
	operations: [createOperation, getOperation],
};
