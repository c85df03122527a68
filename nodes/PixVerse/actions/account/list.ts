import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { listAccounts as listConfiguredAccounts } from '../../../core/api/accounts';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { withoutSecrets } from './withoutSecrets';

/** GET /accounts: one item per configured account. useapi answers 404 when there is none. */
async function listAccounts(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const accounts = Object.entries(await listConfiguredAccounts(context, { itemIndex }));
	return accounts.map(([email, account]) => videoItem(withoutSecrets({ ...account, email: account?.email ?? email }), itemIndex));
}

export const listAccountsOperation: OperationDefinition = {
	value: 'list',
	name: 'Get Many',
	action: 'Get many accounts',
	description: 'The PixVerse accounts configured on useapi.net, with their concurrency (maxJobs)',
	endpoint: ENDPOINTS.listAccounts,
	fields: [],
	run: { kind: 'list', execute: listAccounts },
};
