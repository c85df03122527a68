import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../shared/outputItems';
import { accountEmailField, requiredAccount } from './accountEmailField';
import { withoutSecrets } from './withoutSecrets';

/** GET /accounts/{email}. */
async function getAccount(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const email = requiredAccount(context, itemIndex);
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path: `/accounts/${email}`,
		kind: 'repeatable',
		itemIndex,
		what: email,
	});
	return videoItem(withoutSecrets({ email, ...(response.body as IDataObject) }), itemIndex);
}

export const getAccountOperation: OperationDefinition = {
	value: 'get',
	name: 'Get',
	action: 'Get an account',
	description: 'One configured PixVerse account and its concurrency (maxJobs)',
	endpoint: 'GET /accounts/{email}',
	fields: [accountEmailField],
	run: { kind: 'perItem', execute: getAccount },
};
