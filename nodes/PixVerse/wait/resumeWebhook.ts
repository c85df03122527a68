import type { IWebhookDescription } from 'n8n-workflow';

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
		path: '',
		restartWebhook: true,
		ndvHideUrl: true,
		ndvHideMethod: true,
	},
];
