import type { ResourceDefinition } from '../operation';
import { deleteAccountOperation } from './delete';
import { getAccountOperation } from './get';
import { getCreditsAndPlanOperation } from './getCreditsAndPlan';
import { listAccountsOperation } from './list';
import { saveAccountOperation } from './save';

export const accountResource: ResourceDefinition = {
	value: 'account',
	name: 'Account',
	operations: [getCreditsAndPlanOperation, getAccountOperation, listAccountsOperation, saveAccountOperation, deleteAccountOperation],
};
