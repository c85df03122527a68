import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getAccounts } from '../core/accountOptions';

/** The configured accounts, after "All Accounts" (the action node's "Automatic" entry dropped). */
export async function getWatchedAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = (await getAccounts.call(this)).filter((option) => option.value !== '');
	return [{ name: 'All Accounts', value: '' }, ...accounts.map(({ name, value }) => ({ name, value }))];
}
