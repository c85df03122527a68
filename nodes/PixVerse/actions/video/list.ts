import { listResultsOperation } from '../shared/resultOperations';

/** useapi's default page size for GET /videos. */
export const VIDEO_PAGE_SIZE = 40;

export const listOperation = listResultsOperation('video', {
	action: 'Get many videos',
	description: 'Videos of an account, newest first, including those still rendering',
	pageSize: VIDEO_PAGE_SIZE,
});
