import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getFeatures } from '../../../core/api/accounts';
import { ENDPOINTS } from '../../../core/api/endpoints';
import type { OperationDefinition } from '../operation';
import { accountQuery, listAccountField } from '../shared/commonFields';
import { videoItem } from '../outputItems';
import { withoutSecrets } from './withoutSecrets';

/** The fields most workflows look at, put first; everything else the API sends follows unchanged. */
const LEADING_FIELDS = [
	'plan_name',
	'credit_daily',
	'credit_daily_gift',
	'credit_monthly',
	'credit_monthly_gift',
	'credit_package',
	'initial_credit_gift',
	'credits_more',
	'gen_simultaneously',
	'off_peak',
	'off_peak_discount',
	'preview_mode',
	'preview_mode_discount',
	'qualities',
	'remaining_days',
	'billing_renewal_date',
];

/**
 * GET /features: PixVerse plan, credit balances and concurrency. No total is added: the docs do not
 * say whether the gift balances are part of the daily and monthly ones, so any sum could be wrong.
 */
async function getCreditsAndPlan(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const email = context.getNodeParameter('account', itemIndex, '') as string;
	const query = accountQuery(email);
	const features = await getFeatures(context, query?.email, { itemIndex });
	const json: IDataObject = {};
	if (query) json.email = query.email;
	for (const key of LEADING_FIELDS) if (key in features) json[key] = features[key];
	return videoItem(withoutSecrets({ ...json, ...features }), itemIndex);
}

export const getCreditsAndPlanOperation: OperationDefinition = {
	value: 'getCreditsAndPlan',
	name: 'Get Credits and Plan',
	action: 'Get credits and plan of an account',
	description: 'Credit balances, plan, concurrency (gen_simultaneously) and off-peak settings of a PixVerse account',
	endpoint: ENDPOINTS.getFeatures,
	fields: [listAccountField('credits and plan')],
	run: { kind: 'perItem', execute: getCreditsAndPlan },
};
