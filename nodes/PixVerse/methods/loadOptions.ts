import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { pixverseRequest } from '../transport/request';

export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await pixverseRequest.call(this, { method: 'GET', path: '/accounts', kind: 'repeatable', passStatuses: [404] });
	const automatic: INodePropertyOptions = { name: 'Automatic (Any Account With a Free Slot)', value: '' };
	if (response.statusCode === 404) return [automatic];
	const accounts = Object.entries((response.body ?? {}) as Record<string, { maxJobs?: number }>);
	return [
		automatic,
		...accounts.map(([email, account]) => ({
			name: email,
			value: email,
			description: account?.maxJobs ? `Up to ${account.maxJobs} videos at once` : undefined,
		})),
	];
}
