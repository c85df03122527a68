import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAccounts } from './api/accounts';

/** The Account dropdown: "Automatic", then each configured account with its concurrency. */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = Object.entries(await listAccounts(this));
	return [
		{ name: 'Automatic (Any Account With a Free Slot)', value: '' },
		...accounts.map(([email, account]) => ({
			name: email,
			value: email,
			description: account?.maxJobs ? `Up to ${account.maxJobs} videos at once` : undefined,
		})),
	];
}
