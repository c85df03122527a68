import { deleteResultOperation } from '../shared/resultOperations';

export const deleteOperation = deleteResultOperation('video', {
	action: 'Delete a video',
	description: 'Remove a video from the PixVerse account',
});
