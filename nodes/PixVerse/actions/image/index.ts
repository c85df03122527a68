import type { ResourceDefinition } from '../operation';
import { estimateImageCreditsOperation } from './estimateCredits';
import { createImageOperation } from './create';
import { deleteImageOperation, getImageOperation, listImagesOperation } from './read';

export const imageResource: ResourceDefinition = {
	value: 'image',
	name: 'Image',
	operations: [createImageOperation, getImageOperation, listImagesOperation, deleteImageOperation, estimateImageCreditsOperation],
};
