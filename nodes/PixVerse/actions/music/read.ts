import { getResultOperation, listResultsOperation } from '../shared/resultOperations';

export const getMusicOperation = getResultOperation('music', {
	action: 'Get a music track',
	description: 'Status, URL and details of one music track, with the audio on request',
});

export const listMusicOperation = listResultsOperation('music', {
	action: 'Get many music tracks',
	description: 'Music tracks of an account, newest first, including those still generating (speech clips are left out)',
	pageSize: 50,
});
