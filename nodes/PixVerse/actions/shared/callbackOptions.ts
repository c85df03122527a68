import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { internalAddressKind } from '../../../core/mediaUrl';
import { REPLY_FIELD_MAX_LENGTH } from '../../../core/models/validate';
import type { SettingProblem } from '../../../core/models/validate';
import { CALLBACK_PATH, CALLBACK_SECRET_LENGTH, credentialCallbackSecret, needsCallbackSecret, withCallbackSecret } from '../../../core/callbackSecret';
import { creditBudgetOption } from './creditBudgetOption';
import { idempotencyOptionFields } from './idempotencyOptions';


export const callbackOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Callback URL (replyUrl)',
			name: 'replyUrl',
			type: 'string',
			default: '',
			placeholder: `https://n8n.example.com/webhook/…/${CALLBACK_PATH}`,
			description:
				"Where useapi.net POSTs the video when it is finished (it replaces the account's default callback URL). Paste a PixVerse Trigger's URL and this node adds the trigger's secret; both nodes must use the same useapi.net credential. Up to 1024 characters.",
		},
		{
			displayName: 'Callback Reference (replyRef)',
			name: 'replyRef',
			type: 'string',
			default: '',
			description:
				'Any text useapi.net returns with the video (in callbacks and video records), e.g. a row ID to match a finished video to its source. Up to 1024 characters.',
		},
		creditBudgetOption,
		...idempotencyOptionFields,
	],
};

export interface CallbackSettings {
	replyUrl?: string;
	replyRef?: string;
}

export function callbackProblems({ replyUrl, replyRef }: CallbackSettings): SettingProblem[] {
	const problems: SettingProblem[] = [];
	if (replyUrl !== undefined) {
		let protocol = '';
		try {
			protocol = new URL(replyUrl).protocol;
		} catch {
			protocol = '';
		}
		// A trigger URL grows by the secret this node adds before sending.
		const limit = needsCallbackSecret(replyUrl) ? REPLY_FIELD_MAX_LENGTH - CALLBACK_SECRET_LENGTH : REPLY_FIELD_MAX_LENGTH;
		if (protocol !== 'http:' && protocol !== 'https:') {
			problems.push({ field: 'options.replyUrl', value: replyUrl, message: 'The Callback URL (replyUrl) must be an http:// or https:// URL' });
		} else if (replyUrl.length > limit) {
			problems.push({
				field: 'options.replyUrl',
				value: `${replyUrl.slice(0, 60)}…`,
				message: `The Callback URL (replyUrl) is ${replyUrl.length} characters long; at most ${limit} are allowed${limit < REPLY_FIELD_MAX_LENGTH ? ' (useapi.net takes 1024, including the trigger secret this node adds)' : ''}`,
			});
		}
	}
	if (replyRef !== undefined && replyRef.length > REPLY_FIELD_MAX_LENGTH) {
		problems.push({
			field: 'options.replyRef',
			value: `${replyRef.slice(0, 60)}…`,
			message: `The Callback Reference (replyRef) is ${replyRef.length} characters long; useapi.net takes at most ${REPLY_FIELD_MAX_LENGTH}`,
		});
	}
	return problems;
}

/**
 * Where a Callback URL may point: useapi.net POSTs the finished video there, so never to a
 * link-local address (cloud metadata), and to a loopback or private one only when the API itself
 * is on such an address (a local simulator).
 */
export function replyUrlAddressProblems(replyUrl: string | undefined, apiBaseUrl: string): SettingProblem[] {
	let kind;
	try {
		kind = internalAddressKind(new URL(replyUrl ?? '').hostname);
	} catch {
		return []; // no URL, or not one: callbackProblems says so
	}
	const linkLocal = kind === 'a link-local address';
	if (!kind || (!linkLocal && internalAddressKind(new URL(apiBaseUrl).hostname))) return [];
	return [
		{
			field: 'options.replyUrl',
			value: replyUrl,
			message: `The Callback URL (replyUrl) points at ${kind}; allowed: a public http(s) address${linkLocal ? '' : ' (addresses inside the network only when the credential\'s Base URL is one too)'}`,
		},
	];
}

export function readCallbackOptions(context: IExecuteFunctions, itemIndex: number): CallbackSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
	return { replyUrl: text(options.replyUrl), replyRef: typeof options.replyRef === 'string' && options.replyRef ? options.replyRef : undefined };
}

export function callbackBody({ replyUrl, replyRef }: CallbackSettings): IDataObject {
	const body: IDataObject = {};
	if (replyUrl !== undefined) body.replyUrl = replyUrl;
	if (replyRef !== undefined) body.replyRef = replyRef;
	return body;
}

/** Adds a PixVerse Trigger's secret to the body's replyUrl when it points at a trigger. */
export async function signReplyUrl(context: IExecuteFunctions, body: IDataObject): Promise<void> {
	if (typeof body.replyUrl !== 'string' || !needsCallbackSecret(body.replyUrl)) return;
	const secret = await credentialCallbackSecret(context);
	// Without a token there is no secret: the trigger then accepts no callback (and the API no request).
	if (secret) body.replyUrl = withCallbackSecret(body.replyUrl, secret);
}
