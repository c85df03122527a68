import { getResultOperation, listResultsOperation } from '../shared/resultOperations';

export const getSpeechOperation = getResultOperation('speech', {
	action: 'Get a speech clip',
	description: 'Status, URL and details of one speech clip, with the audio on request',
});

export const listSpeechOperation = listResultsOperation('speech', {
	action: 'Get many speech clips',
	description: 'Speech clips of an account, newest first, including those still generating',
	pageSize: 50,
});
