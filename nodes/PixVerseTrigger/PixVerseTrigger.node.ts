import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CALLBACK_PATH } from '../core/callbackSecret';
import { triggerProperties } from './description';
import { getWatchedAccounts } from './methods';
import { pollVideoEvents } from './polling/pollVideoEvents';
import { callbackLifecycle } from './webhook/callbackLifecycle';
import { receiveCallback } from './webhook/receiveCallback';

/**
 * Starts a workflow when a PixVerse video finishes, from useapi.net's callbacks (webhook mode) or
 * from the video list (polling mode). n8n activates both a webhook and a poller for a node that
 * has both; the mode parameter switches the other one off (no HTTP method, a poll that returns
 * nothing).
 */
export class PixVerseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PixVerse Trigger',
		name: 'pixVerseTrigger',
		icon: { light: 'file:../../icons/pixverse.svg', dark: 'file:../../icons/pixverse.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "polling" ? "Polling" : "Webhook"}}',
		description: 'Starts the workflow when a PixVerse video completes, fails or is moderated',
		defaults: { name: 'PixVerse Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'useApiApi', required: true }],
		polling: true,
		webhooks: [
			{
				name: 'default',
				// GET only serves the editor's test listener (see receiveCallback).
				httpMethod: '={{$parameter["mode"] === "polling" ? "" : "POST,GET"}}',
				responseMode: 'onReceived',
				path: CALLBACK_PATH,
				ndvHideUrl: '={{$parameter["mode"] === "polling"}}',
			},
		],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getWatchedAccounts } };

	webhookMethods = { default: callbackLifecycle };

	webhook = receiveCallback;

	poll = pollVideoEvents;
}
