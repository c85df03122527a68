import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { saveAccount as saveConfiguredAccount } from '../../../core/api/accounts';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { withoutSecrets } from './withoutSecrets';

const MAX_JOBS = { min: 1, max: 8 };

const fields: INodeProperties[] = [
	{
		displayName: 'PixVerse Email',
		name: 'accountEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'The email of the PixVerse account (an email and password login; Google, Apple and Discord logins are not supported by useapi.net)',
	},
	{
		displayName: 'PixVerse Password',
		name: 'accountPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The password of the PixVerse account. useapi.net signs in with it; the browser session on pixverse.ai is signed out.',
	},
	{
		displayName: 'Max Jobs',
		name: 'maxJobs',
		type: 'number',
		default: 8,
		typeOptions: { minValue: MAX_JOBS.min, maxValue: MAX_JOBS.max, numberPrecision: 0 },
		description: 'How many generations may run at once on this account (1 to 8); keep it within what the PixVerse plan allows',
	},
];

/** POST /accounts/{email}: adds the account to useapi.net, or updates its password and maxJobs. */
async function saveAccount(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const email = (context.getNodeParameter('accountEmail', itemIndex) as string).trim();
	const password = context.getNodeParameter('accountPassword', itemIndex) as string;
	const maxJobs = context.getNodeParameter('maxJobs', itemIndex, 8) as number;
	const problem = !/^[^\s@]+@[^\s@]+$/.test(email)
		? `PixVerse Email "${email}" is not an email address`
		: !password
			? 'PixVerse Password is empty'
			: !Number.isInteger(maxJobs) || maxJobs < MAX_JOBS.min || maxJobs > MAX_JOBS.max
				? `Max Jobs ${maxJobs} is out of range; allowed: ${MAX_JOBS.min} to ${MAX_JOBS.max}`
				: undefined;
	if (problem) {
		throw new NodeOperationError(context.getNode(), problem, { itemIndex, description: 'Nothing was sent to useapi.net.' });
	}
	const saved = await saveConfiguredAccount(context, { email, password, maxJobs }, { itemIndex });
	return videoItem(withoutSecrets({ email, ...saved }), itemIndex);
}

export const saveAccountOperation: OperationDefinition = {
	value: 'save',
	name: 'Add or Update',
	action: 'Add or update an account',
	description: 'Add a PixVerse account to useapi.net, or change its password or Max Jobs',
	endpoint: ENDPOINTS.saveAccount,
	fields,
	run: { kind: 'perItem', execute: saveAccount },
};
