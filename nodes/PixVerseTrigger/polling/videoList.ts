import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { pixverseRequest } from '../../PixVerse/transport/request';

export const PAGE_SIZE = 50;

/** The accounts to watch: the chosen one, or every account configured on useapi.net. */
export async function watchedAccounts(context: IPollFunctions): Promise<string[]> {
	const chosen = (context.getNodeParameter('account', '') as string).trim();
	if (chosen) return [chosen];
	const response = await pixverseRequest.call(context, { method: 'GET', path: '/accounts', kind: 'repeatable', passStatuses: [404] });
	const emails = response.statusCode === 404 ? [] : Object.keys((response.body ?? {}) as IDataObject);
	if (!emails.length) {
		throw new NodeOperationError(context.getNode(), 'No PixVerse account is configured on useapi.net', {
			description: 'Add a PixVerse account to useapi.net (POST /accounts/{email}), then activate the workflow again.',
		});
	}
	return emails;
}

/** One page of GET /videos, newest first, in-progress videos included. */
export async function listVideos(context: IPollFunctions, email: string, offset: number, limit = PAGE_SIZE): Promise<IDataObject[]> {
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path: '/videos',
		qs: { email, limit, offset },
		kind: 'repeatable',
		what: `the videos of ${email}`,
	});
	const body = response.body as { data?: unknown } | unknown[];
	const data = Array.isArray(body) ? body : body?.data;
	return Array.isArray(data) ? data.filter((record): record is IDataObject => !!record && typeof record === 'object') : [];
}
