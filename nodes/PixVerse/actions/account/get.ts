import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getAccount as getConfiguredAccount } from '../../../core/api/accounts';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { accountEmailField, requiredAccount } from './accountEmailField';
import { withoutSecrets } from './withoutSecrets';

/** GET /accounts/{email}. */
async function getAccount(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const email = requiredAccount(context, itemIndex);
	return videoItem(withoutSecrets({ email, ...(await getConfiguredAccount(context, email, { itemIndex })) }), itemIndex);
}

export const getAccountOperation: OperationDefinition = {
	value: 'get',
	name: 'Get',
	action: 'Get an account',
	description: 'One configured PixVerse account and its concurrency (maxJobs)',
	endpoint: ENDPOINTS.getAccount,
	fields: [accountEmailField],
	run: { kind: 'perItem', execute: getAccount },
};
