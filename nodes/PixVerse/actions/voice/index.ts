import type { ResourceDefinition } from '../operation';
import { listVoicesOperation } from './list';

export const voiceResource: ResourceDefinition = {
	value: 'voice',
	name: 'Voice',
	operations: [listVoicesOperation],
};
