import type { ResourceDefinition } from '../operation';
import { listEffectsOperation } from './list';

export const effectResource: ResourceDefinition = {
	value: 'effect',
	name: 'Effect',
	operations: [listEffectsOperation],
};
