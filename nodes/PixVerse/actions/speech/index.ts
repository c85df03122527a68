import type { ResourceDefinition } from '../operation';
import { estimateSpeechCreditsOperation } from './estimateCredits';
import { createSpeechOperation } from './create';
import { listSpeechVoicesOperation } from './listVoices';
import { getSpeechOperation, listSpeechOperation } from './read';

export const speechResource: ResourceDefinition = {
	value: 'speech',
	name: 'Speech',
	operations: [createSpeechOperation, getSpeechOperation, listSpeechOperation, listSpeechVoicesOperation, estimateSpeechCreditsOperation],
};
