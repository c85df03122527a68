import type { ResourceDefinition } from '../operation';
import { getAccountOperation } from './get';
import { getCreditsAndPlanOperation } from './getCreditsAndPlan';
import { listAccountsOperation } from './list';

export const accountResource: ResourceDefinition = {
	value: 'account',
	name: 'Account',
	operations: [getCreditsAndPlanOperation, getAccountOperation, listAccountsOperation],
};
