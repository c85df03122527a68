import type { INodeProperties } from 'n8n-workflow';

export const accountField: INodeProperties = {
	displayName: 'Account Name or ID',
	name: 'account',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAccounts' },
	default: '',
	description:
		'The PixVerse account (email) to use. Leave on automatic to let useapi.net pick an account with a free slot. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
