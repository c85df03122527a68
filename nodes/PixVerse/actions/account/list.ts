import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../shared/outputItems';
import { withoutSecrets } from './withoutSecrets';

/** GET /accounts: one item per configured account. useapi answers 404 when there is none. */
async function listAccounts(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path: '/accounts',
		kind: 'repeatable',
		passStatuses: [404],
		itemIndex,
		what: 'account list',
	});
	if (response.statusCode === 404) return [];
	const accounts = Object.entries((response.body ?? {}) as Record<string, IDataObject>);
	return accounts.map(([email, account]) => videoItem(withoutSecrets({ ...account, email: account?.email ?? email }), itemIndex));
}

export const listAccountsOperation: OperationDefinition = {
	value: 'list',
	name: 'List',
	action: 'List accounts',
	description: 'The PixVerse accounts configured on useapi.net, with their concurrency (maxJobs)',
	endpoint: 'GET /accounts',
	fields: [],
	run: { kind: 'list', execute: listAccounts },
};
