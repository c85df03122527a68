import type { IExecuteFunctions } from 'n8n-workflow';

import { readCreditBudget } from '../actions/shared/creditBudgetOption';
import { CreditLedger } from './creditBudget';

/** Where the node keeps, in its execution's context, the credits its runs had accepted. */
const ACCEPTED = 'creditsAccepted';

/**
 * The Credit Budget ledger of this run. A node that runs several times in one execution (Loop
 * Over Items, Split In Batches) starts from what its earlier runs had accepted: n8n keeps a
 * node's context with the execution (Loop Over Items keeps its own state there too), in its
 * database while the execution waits, so any process that resumes it sees the same total.
 */
export function executionLedger(context: IExecuteFunctions): CreditLedger {
	const memory = context.getContext('node');
	const before = typeof memory[ACCEPTED] === 'number' ? memory[ACCEPTED] : 0;
	return new CreditLedger(readCreditBudget(context).budget, before, (total) => {
		memory[ACCEPTED] = total;
	});
}
