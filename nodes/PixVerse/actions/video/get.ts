import { getResultOperation } from '../shared/resultOperations';

/** GET /videos/{id}; 404 reads as "not ready yet". An image id (from an image effect) is read with GET /images/{id}. */
export const getOperation = getResultOperation('video', {
	action: 'Get a video',
	description: 'Status, URL and details of one video (or of the still an image effect made)',
});
