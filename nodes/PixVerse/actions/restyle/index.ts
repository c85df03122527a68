import type { ResourceDefinition } from '../operation';
import { listRestylesOperation } from './list';

export const restyleResource: ResourceDefinition = {
	value: 'restyle',
	name: 'Restyle',
	operations: [listRestylesOperation],
};
