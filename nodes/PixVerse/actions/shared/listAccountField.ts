import type { INodeProperties } from 'n8n-workflow';

import { accountField } from './accountField';

/** The account a GET list endpoint reads; useapi needs it once several accounts are configured. */
export function listAccountField(what: string): INodeProperties {
	return {
		...accountField,
		description: `The PixVerse account (email) whose ${what} to read. Required by useapi.net when several accounts are configured; with one account it can stay on automatic. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** The `email` query parameter for a list endpoint, or none when left on automatic. */
export function accountQuery(email: string): { email: string } | undefined {
	const trimmed = email.trim();
	return trimmed ? { email: trimmed } : undefined;
}
