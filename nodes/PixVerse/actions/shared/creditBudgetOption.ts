import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GenerationCharge } from '../../../core/models/generationCharge';
import type { SettingProblem } from '../../../core/models/validate';

const FIELD = 'options.creditBudget';

/** Options → Credit Budget (per Execution) of every generating operation. */
export const creditBudgetOption: INodeProperties = {
	displayName: 'Credit Budget (per Execution)',
	name: 'creditBudget',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0 },
	description:
		'The most PixVerse credits this node may spend in one execution, counted before each submission: an item that would pass it is not sent. Each item counts its published price until useapi.net answers with the real one. 0: no budget.',
};

export interface CreditBudgetSetting {
	/** Undefined: no budget (0 or not set), or a value that is not allowed (see `problems`). */
	budget?: number;
	problems: SettingProblem[];
}

/** The budget is one number for the whole run, read like the wait settings (from the first item). */
export function readCreditBudget(context: IExecuteFunctions): CreditBudgetSetting {
	const value = (context.getNodeParameter('options', 0, {}) as IDataObject).creditBudget;
	if (value === undefined || value === null || value === '' || value === 0) return { problems: [] };
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) return { budget: value, problems: [] };
	return {
		problems: [{ field: FIELD, value, message: `Credit Budget is ${JSON.stringify(value)}; allowed: a number of credits above 0, or 0 for no budget` }],
	};
}

/**
 * With a budget, an item without any published price is refused before anything is sent: its
 * cost could not be counted until after it was charged.
 */
export function unpricedProblems(budget: number | undefined, charge: GenerationCharge): SettingProblem[] {
	if (budget === undefined || charge.credits !== null) return [];
	return [
		{
			field: FIELD,
			value: budget,
			message: `No credit price is published for ${charge.unpriced}, so the Credit Budget cannot count it; allowed with a budget: ${charge.priced}. Or set Credit Budget to 0 (no budget)`,
		},
	];
}
