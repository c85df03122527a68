import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deleteAccount as deleteConfiguredAccount } from '../../../core/api/accounts';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { accountEmailField, requiredAccount } from './accountEmailField';

/** DELETE /accounts/{email}: useapi.net forgets the account (PixVerse itself keeps it). */
async function deleteAccount(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const email = requiredAccount(context, itemIndex);
	await deleteConfiguredAccount(context, email, { itemIndex });
	return videoItem({ email, deleted: true }, itemIndex);
}

export const deleteAccountOperation: OperationDefinition = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an account',
	description: 'Remove a PixVerse account from useapi.net (the PixVerse account itself is kept); also the fix for HTTP 596',
	endpoint: ENDPOINTS.deleteAccount,
	fields: [{ ...accountEmailField, description: 'The PixVerse account (email) to remove from useapi.net. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }],
	run: { kind: 'perItem', execute: deleteAccount },
};
