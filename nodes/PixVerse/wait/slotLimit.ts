import type { IExecuteFunctions } from 'n8n-workflow';

import { pixverseRequest } from '../transport/request';

interface AvailableSlots {
	available?: Array<{ email?: string; available?: number }>;
}

/**
 * How many videos of a batch may render at once: the user's "Max Concurrent Jobs", else the free
 * slots useapi reports for the account (or all accounts). Unknown → no cap of our own; 429s still
 * hold submissions back.
 */
export async function slotLimit(context: IExecuteFunctions, maxConcurrent: number, email: string): Promise<number> {
	if (maxConcurrent > 0) return maxConcurrent;
	try {
		const response = await pixverseRequest.call(context, { method: 'GET', path: '/scheduler/available', kind: 'repeatable' });
		const accounts = (response.body as AvailableSlots).available ?? [];
		const counted = accounts.filter((account) => !email || account.email === email);
		const free = counted.reduce((sum, account) => sum + Math.max(0, Number(account.available) || 0), 0);
		return counted.length ? Math.max(1, free) : Number.POSITIVE_INFINITY;
	} catch {
		return Number.POSITIVE_INFINITY;
	}
}
