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

/** The id of an earlier video; an expression such as {{ $json.video_id }} chains PixVerse steps. */
export const videoIdField: INodeProperties = {
	displayName: 'Video ID',
	name: 'videoId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'user:12345-pixverse:you@example.com-video:987654',
	description: 'The video_id returned by an earlier PixVerse step; drag it in from the input to chain steps',
};

/** The Prompt parameter; each operation says what it is for. */
export function promptField(description: string, options: { required?: boolean; placeholder?: string } = {}): INodeProperties {
	return {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description,
		...options,
	};
}
