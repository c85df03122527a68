import { deleteResultOperation, getResultOperation, listResultsOperation } from '../shared/resultOperations';

export const getImageOperation = getResultOperation('image', {
	action: 'Get an image',
	description: 'Status, URL and details of one image, with the file on request',
});

export const listImagesOperation = listResultsOperation('image', {
	action: 'Get many images',
	description: 'Images of an account, newest first, including those still rendering',
	pageSize: 50,
});

export const deleteImageOperation = deleteResultOperation('image', {
	action: 'Delete an image',
	description: 'Remove an image from the PixVerse account',
});
