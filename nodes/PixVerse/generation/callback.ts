import type { IExecuteFunctions, INodeExecutionData, IWebhookDescription } from 'n8n-workflow';

import { ENDPOINTS } from '../../core/api/endpoints';
import { listRunningJobs } from '../../core/api/scheduler';
import { REPLY_FIELD_MAX_LENGTH } from '../../core/models/validate';
import type { SettingProblem } from '../../core/models/validate';
import { apiBaseUrl } from '../../core/transport/request';
import type { PreparedGeneration } from '../actions/shared/generation';
import { rejectProblems } from '../actions/shared/generation';
import type { AcceptedJob, DownloadSettings, PolledVideo, WaitedJob } from './jobs';
import { placeOf } from './jobs';
import { finishedItem, putFinishedItems } from './output';

/**
 * The callback part of the generation runtime, on the parking side: "Resume When PixVerse Calls
 * Back" sends each generation with the execution's resume URL as replyUrl and parks the
 * execution; resume.ts brings it back when useapi.net calls.
 */

/**
 * The webhook useapi.net calls while an execution waits in "Resume When PixVerse Calls Back"
 * mode. It is n8n's resume URL of the execution (`$execution.resumeUrl`, like the Wait node's):
 * n8n serves it only while this node is the waiting one (`restartWebhook`) and registers nothing
 * when a workflow is published, so there is no webhook lifecycle to manage.
 */
export const RESUME_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		// Empty: n8n answers with the webhookResponse that resumeOnCallback returns, once the run resumed.
		responseData: '',
		path: '',
		restartWebhook: true,
		ndvHideUrl: true,
		ndvHideMethod: true,
	},
];

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

/** The execution's resume URL, checked for callback mode before any item is read or sent. */
export async function callbackResumeUrl(context: IExecuteFunctions): Promise<string> {
	const resumeUrl = executionResumeUrl(context);
	rejectProblems(context, 0, await callbackModeProblems(context, resumeUrl));
	return resumeUrl;
}

/**
 * Sends the item's generation with the execution's resume URL as replyUrl. A Callback URL of the
 * user's own would take the callbacks elsewhere, so it is refused.
 */
export function withResumeCallback(context: IExecuteFunctions, itemIndex: number, prepared: PreparedGeneration, resumeUrl: string): PreparedGeneration {
	if (prepared.body.replyUrl !== undefined) {
		rejectProblems(context, itemIndex, [
			{
				field: 'options.replyUrl',
				value: prepared.body.replyUrl,
				message: 'A Callback URL (replyUrl) cannot be set with "Resume When PixVerse Calls Back": useapi.net must call this execution back. Remove it, or choose another wait mode.',
			},
		]);
	}
	return { ...prepared, body: { ...prepared.body, replyUrl: resumeUrl } };
}

/**
 * Why each of these rendering videos will not call this execution back, if it will not:
 * useapi.net calls the replyUrl a video was submitted with, and lists it among its running jobs
 * with the jobs it still tracks. A video missing from that list is not tracked (or just finished:
 * the caller reads it again).
 */
export async function videosNotCallingBack(context: IExecuteFunctions, videoIds: string[], resumeUrl: string): Promise<Map<string, string>> {
	const reasons = new Map<string, string>();
	if (!videoIds.length) return reasons;
	const running = new Map((await listRunningJobs(context)).map((job) => [String(job.id), job]));
	for (const videoId of videoIds) {
		const job = running.get(videoId);
		if (!job) reasons.set(videoId, `useapi.net does not list it among its running jobs (${ENDPOINTS.listRunningJobs}), so no callback will come`);
		else if (!callsBack(job.replyUrl, resumeUrl)) {
			reasons.set(videoId, job.replyUrl ? 'it was submitted with another Callback URL (replyUrl)' : 'it was submitted without a Callback URL (replyUrl)');
		}
	}
	return reasons;
}

/**
 * Parks the execution until useapi.net calls back or the deadline passes. n8n resumes a waiting
 * node in one of two ways, and neither runs execute() again:
 * - a call to the resume URL runs webhook(), whose items become the node's output;
 * - at the deadline n8n disables the node, which then passes its *input* items on.
 * So the parked items take the place of the node's input in the execution: they are what the
 * deadline brings out (every id with its last known status), and what webhook() reads back to
 * know which videos it waits for. Nothing is kept in process memory, so any n8n instance can
 * resume the execution (queue mode). One parked item per input item keeps n8n's item pairing,
 * which it rebuilds by position on resume.
 */
async function parkExecution(context: IExecuteFunctions, parked: INodeExecutionData[], deadline: Date): Promise<INodeExecutionData[]> {
	const executeData = context.getExecuteData();
	executeData.data = { ...executeData.data, main: [parked] };
	await context.putExecutionToWait(deadline);
	return parked;
}

/**
 * Once every video of the run is known (`videos` read just before): the ones already final are
 * finished now (n8n refuses callbacks while the execution still runs, so theirs may be lost), and
 * if any still renders the execution is parked until useapi.net calls back or the deadline
 * passes. `output` holds one item per place; a rendering video's place gets the item the deadline
 * would show, with its id, last known status and `timed_out`.
 */
export async function settleOrPark(
	context: IExecuteFunctions,
	output: INodeExecutionData[],
	jobs: WaitedJob[],
	videos: Map<string, PolledVideo>,
	settings: DownloadSettings & { deadline: Date },
	mention: AcceptedJob[] = [],
): Promise<INodeExecutionData[]> {
	const rendering = jobs.filter((job) => videos.get(job.videoId)!.outcome === 'pending');
	await putFinishedItems(context, output, jobs.filter((job) => !rendering.includes(job)), videos, settings, mention);
	if (!rendering.length) return output;
	for (const job of rendering) {
		const video = videos.get(job.videoId)!;
		video.timedOut = true;
		output[placeOf(job)] = await finishedItem(context, job, video, settings);
	}
	if (settings.deadline.getTime() <= Date.now()) return output;
	return await parkExecution(context, output, settings.deadline);
}
