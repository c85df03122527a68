import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../core/api/endpoints';
import { MODELS } from '../core/models';
import { CALLBACK_PATH } from '../core/callbackSecret';
import { binaryPropertyField, maxDownloadSizeField } from '../core/binaryPropertyField';

const webhookOnly = { show: { mode: ['webhook'] } };
const pollingOnly = { show: { mode: ['polling'] } };

/**
 * n8n's loader adds its "Poll Times" field to a polling node with `properties.unshift()`, shown
 * in every mode. This list puts it after Mode, shown in polling mode only, plus a hidden copy
 * with the same default in webhook mode: n8n also starts the (idle) poller of a published
 * webhook-mode trigger and reads pollTimes for it.
 */
class TriggerProperties extends Array<INodeProperties> {
	override unshift(...added: INodeProperties[]): number {
		const afterMode = this.findIndex((property) => property.name === 'mode') + 1;
		const fresh = added.filter((property) => !this.some((existing) => existing.name === property.name));
		this.splice(
			afterMode,
			0,
			...fresh.flatMap((property) => [
				{ ...property, displayOptions: pollingOnly },
				{ ...property, type: 'hidden' as const, displayOptions: webhookOnly },
			]),
		);
		return this.length;
	}
}

export const triggerProperties: INodeProperties[] = TriggerProperties.from<INodeProperties>([
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		default: 'webhook',
		options: [
			{
				name: 'Webhook',
				value: 'webhook',
				description: 'The useapi.net callback (replyUrl) starts the workflow the moment a video finishes',
			},
			{
				name: 'Polling',
				value: 'polling',
				description: 'Check the video list on a schedule; needs no callback URL',
			},
		],
	},
	{
		displayName: `Set this trigger's Production URL (it ends with /${CALLBACK_PATH}) as "Callback URL (replyUrl)" in the Options of a PixVerse node that uses the same useapi.net credential: that node adds the secret this trigger checks. Calls without it are refused (401). To get the URL with its secret (for example as your useapi.net account's default callback URL), click "Fetch Test Event" (in webhook mode it listens on the Test URL), then open the Test URL in a browser: the page and this node's output show the Production URL with its secret.`,
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: webhookOnly,
	},
	{
		displayName: 'Account Name or ID',
		name: 'account',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWatchedAccounts' },
		default: '',
		displayOptions: pollingOnly,
		description:
			'The PixVerse account whose videos to watch, or all accounts configured on useapi.net. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: ['completed', 'failed', 'moderated'],
		options: [
			{ name: 'Completed', value: 'completed', description: 'The video rendered and has a URL' },
			{ name: 'Failed', value: 'failed', description: 'PixVerse could not render it (credits are refunded)' },
			{ name: 'Moderated', value: 'moderated', description: 'PixVerse moderation refused the prompt or image' },
		],
		description: 'The final states that start the workflow',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Kinds',
				name: 'kinds',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Videos', value: 'video' },
					{ name: 'Images', value: 'image' },
					{ name: 'Speech', value: 'speech' },
					{ name: 'Music', value: 'music' },
				],
				description: 'Only results of these kinds. Webhook mode: none chosen takes every kind (an image, speech or music Create sends its callback here when its Callback URL is this trigger). Polling mode reads the list of each kind chosen; none chosen: videos only.',
			},
			{
				displayName: 'Models',
				name: 'models',
				type: 'multiOptions',
				default: [],
				options: MODELS.map((model) => ({ name: model.label, value: model.id })),
				description: 'Only videos made with these models (none chosen: any model)',
			},
			{
				displayName: 'Callback Reference (replyRef)',
				name: 'replyRef',
				type: 'string',
				default: '',
				placeholder: 'e.g. n8n-execution-1234-*',
				description:
					'Only videos whose replyRef (set by the PixVerse node that started them) is exactly this text; end it with * for every replyRef starting with the text before it, e.g. n8n-execution-1234-* for the videos execution 1234 started without a reference of yours',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Progress Updates',
				name: 'includeProgress',
				type: 'boolean',
				default: false,
				description: 'Whether to also start the workflow for progress updates (queued, generating), not only for final states',
			},
			{
				displayName: 'Check Video With the API',
				name: 'fetchRecord',
				type: 'boolean',
				default: false,
				displayOptions: { show: { '/mode': ['webhook'] } },
				description:
					`Whether to read the video from useapi.net (${ENDPOINTS.getVideo.replace('video_id', 'video_ID')}) instead of trusting the callback body: the output then has the full, current record`,
			},
			{
				displayName: 'Download Video',
				name: 'download',
				type: 'boolean',
				default: false,
				description: 'Whether to put the file of a completed video (MP4), image or audio into a binary field of the output item. In Webhook mode the result is then read from useapi.net (as with Check Video With the API): the file comes from the URL useapi.net gives, never from the callback body.',
			},
			binaryPropertyField({ show: { download: [true] } }),
			maxDownloadSizeField({ show: { download: [true] } }),
		],
	},
]);
