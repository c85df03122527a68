import type { IDataObject } from 'n8n-workflow';

/**
 * The Credit Budget of one execution: the credits of accepted generations, and of those sent and
 * not yet answered, against the most the user allows. Items of a wave are sent at once, so each
 * reserves its credits before it is sent; the answer settles the reservation.
 */

/** An item that would pass the budget even if none of the submissions in flight were accepted. */
export interface OverBudget {
	/** Credits of the generations accepted so far. */
	used: number;
	budget: number;
	/** What this item counts. */
	needs: number;
}

/**
 * `send`: its credits are reserved until its answer. `wait`: it fits only if a submission in
 * flight is refused; ask again once they are answered. Over: it is never sent, since what was
 * accepted only grows.
 */
export type Admission = 'send' | 'wait' | OverBudget;

/** Sums kept to the cent, so that 0.1 + 0.2 does not pass a budget of 0.3. */
const cents = (credits: number): number => Math.round(credits * 100) / 100;

export class CreditLedger {
	private accepted: number;
	private readonly inFlight = new Map<number, number>();

	/**
	 * @param budget the most credits allowed; undefined: no budget (credits are still counted).
	 * @param acceptedBefore credits accepted earlier in the same execution (earlier runs of the node).
	 * @param onAccepted told the new total whenever it grows, to remember it for later runs.
	 */
	constructor(
		readonly budget: number | undefined,
		acceptedBefore = 0,
		private readonly onAccepted: (total: number) => void = () => undefined,
	) {
		this.accepted = acceptedBefore;
	}

	/** Credits of the generations accepted so far. */
	get used(): number {
		return this.accepted;
	}

	private get reserved(): number {
		return [...this.inFlight.values()].reduce((sum, credits) => sum + credits, 0);
	}

	/** Whether the item `key`, counting `credits`, may be sent now (and if so, reserves them). */
	admit(key: number, credits: number): Admission {
		if (this.budget !== undefined) {
			if (cents(this.accepted + credits) > this.budget) return { used: this.accepted, budget: this.budget, needs: credits };
			if (cents(this.accepted + this.reserved + credits) > this.budget) return 'wait';
		}
		this.inFlight.set(key, credits);
		return 'send';
	}

	/** Nothing was started (429, or the request was refused): the reservation is freed. */
	release(key: number): void {
		this.inFlight.delete(key);
	}

	/**
	 * Accepted, or perhaps accepted (the answer was lost, and it may have charged): counted at the
	 * price the answer gave, else at what was reserved.
	 */
	settle(key: number, price?: number): void {
		const reserved = this.inFlight.get(key) ?? 0;
		this.inFlight.delete(key);
		this.accepted = cents(this.accepted + (price ?? reserved));
		this.onAccepted(this.accepted);
	}
}

/** The price useapi.net gave in its answer to a generation (`cost_credits`), if it gave one. */
export function answeredPrice(answer: IDataObject): number | undefined {
	const price = typeof answer.cost_credits === 'string' && answer.cost_credits.trim() ? Number(answer.cost_credits) : answer.cost_credits;
	return typeof price === 'number' && Number.isFinite(price) && price >= 0 ? price : undefined;
}

/**
 * Whether a failed submission certainly started nothing: the API answered it with a 4xx (refused,
 * out of credits, moderated). Anything else (no answer, a 5xx, an answer without an id) may have
 * charged, and stays counted.
 */
export function refusedUncharged(error: unknown): boolean {
	const status = Number((error as { httpCode?: unknown } | undefined)?.httpCode);
	return status >= 400 && status < 500;
}

/** The headline and explanation of an item left unsent by the budget. */
export function overBudgetText({ used, budget, needs }: OverBudget, basis: string): { message: string; description: string } {
	return {
		message: `over the credit budget: ${used} of ${budget} used, this item needs ${needs}`,
		description:
			`Credit Budget (options.creditBudget) is ${budget} credits for this execution. Videos already accepted count ${used} ` +
			`(the price useapi.net answered for each, else its estimate). This item counts ${needs}: ${basis}. ` +
			'Nothing was sent or charged for this item. Raise the Credit Budget to send it.',
	};
}
