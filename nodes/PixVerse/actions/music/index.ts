import type { ResourceDefinition } from '../operation';
import { estimateMusicCreditsOperation } from './estimateCredits';
import { createMusicOperation } from './create';
import { getMusicOperation, listMusicOperation } from './read';

export const musicResource: ResourceDefinition = {
	value: 'music',
	name: 'Music',
	operations: [createMusicOperation, getMusicOperation, listMusicOperation, estimateMusicCreditsOperation],
};
