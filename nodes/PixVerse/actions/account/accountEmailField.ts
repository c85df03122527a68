import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accountField } from '../shared/commonFields';

/** A configured account, required: for operations about one account. */
export const accountEmailField: INodeProperties = {
	...accountField,
	required: true,
	description:
		'The PixVerse account (email) to read. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The chosen account; an empty choice fails before any request. */
export function requiredAccount(context: IExecuteFunctions, itemIndex: number): string {
	const email = (context.getNodeParameter('account', itemIndex, '') as string).trim();
	if (!email) {
		throw new NodeOperationError(context.getNode(), 'No account chosen: pick one in "Account Name or ID"', {
			itemIndex,
			description: 'Nothing was sent to useapi.net.',
		});
	}
	return email;
}
