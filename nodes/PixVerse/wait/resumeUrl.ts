import type { IExecuteFunctions } from 'n8n-workflow';

import { REPLY_FIELD_MAX_LENGTH } from '../models/validate';
import type { SettingProblem } from '../models/validate';
import { apiBaseUrl } from '../transport/request';

/**
 * n8n's resume URL of this execution (`$execution.resumeUrl`): the waiting-webhook URL with the
 * execution's resume token. useapi.net signs nothing, so that token is the only secret; it is
 * never shown in errors.
 */
export function executionResumeUrl(context: IExecuteFunctions): string {
	return String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0) ?? '');
}

const isLoopback = (host: string) => host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';

const withoutToken = (url: URL) => `${url.origin}${url.pathname}`;

/**
 * Why the execution cannot wait for callbacks, checked before anything is sent: an AI agent's
 * tool call needs its answer in the same run (n8n names tool variants `…Tool`), useapi.net
 * takes replyUrl up to 1024 characters, and it cannot call an n8n known only as localhost.
 */
export async function callbackModeProblems(context: IExecuteFunctions, resumeUrl: string): Promise<SettingProblem[]> {
	const problem = (message: string): SettingProblem[] => [{ field: 'waitMode', value: 'callback', message }];
	if (context.getNode().type.endsWith('Tool')) {
		return problem('Resume When PixVerse Calls Back cannot be used when an AI agent calls this node as a tool: the agent needs the result in the same run. Choose Poll Until Done.');
	}
	let url: URL;
	try {
		url = new URL(resumeUrl);
	} catch {
		return problem('n8n gave no resume URL for this execution, so useapi.net could not call back. Choose Poll Until Done.');
	}
	if (resumeUrl.length > REPLY_FIELD_MAX_LENGTH) {
		return problem(`n8n's resume URL (${url.origin}/…) is ${resumeUrl.length} characters long; useapi.net takes at most ${REPLY_FIELD_MAX_LENGTH}. Use a shorter WEBHOOK_URL, or Poll Until Done.`);
	}
	const api = new URL(await apiBaseUrl(context));
	if (isLoopback(url.hostname) && !isLoopback(api.hostname)) {
		return problem(`n8n's resume URL is ${withoutToken(url)}, which ${api.hostname} cannot reach. Set WEBHOOK_URL to n8n's public address, or choose Poll Until Done.`);
	}
	return [];
}

/** Whether a replyUrl calls back the execution with this resume URL (same address, same token). */
export function callsBack(replyUrl: unknown, resumeUrl: string): boolean {
	if (typeof replyUrl !== 'string' || !replyUrl) return false;
	try {
		const given = new URL(replyUrl);
		const own = new URL(resumeUrl);
		const path = (url: URL) => url.pathname.replace(/\/+$/, '');
		return given.origin === own.origin && path(given) === path(own) && given.searchParams.get('signature') === own.searchParams.get('signature');
	} catch {
		return false;
	}
}
