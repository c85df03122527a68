import type { ResourceDefinition } from '../operation';
import { availableSlotsOperation } from './availableSlots';
import { listRunningOperation } from './listRunning';
import { releaseOperation } from './release';

export const schedulerResource: ResourceDefinition = {
	value: 'scheduler',
	name: 'Scheduler',
	operations: [availableSlotsOperation, listRunningOperation, releaseOperation],
};
