import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listAccounts } from '../../core/api/accounts';
import { ENDPOINTS } from '../../core/api/endpoints';
import type { MediaKind } from '../../core/api/mediaKinds';
import { listResults } from '../../core/api/results';

export const PAGE_SIZE = 50;

/** The accounts to watch: the chosen one, or every account configured on useapi.net. */
export async function watchedAccounts(context: IPollFunctions): Promise<string[]> {
	const chosen = (context.getNodeParameter('account', '') as string).trim();
	if (chosen) return [chosen];
	const emails = Object.keys(await listAccounts(context));
	if (!emails.length) {
		throw new NodeOperationError(context.getNode(), 'No PixVerse account is configured on useapi.net', {
			description: `Add a PixVerse account to useapi.net (${ENDPOINTS.saveAccount}), then activate the workflow again.`,
		});
	}
	return emails;
}

/** One page of the account's videos (or images, speech, music), newest first, in-progress ones included; entries of other kinds the list holds are kept, so a short page still means the last. */
export async function listPage(context: IPollFunctions, kind: MediaKind, email: string, offset: number, limit = PAGE_SIZE): Promise<IDataObject[]> {
	return await listResults(context, kind, { email, limit, offset });
}

