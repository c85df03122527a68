import type { IHookFunctions } from 'n8n-workflow';

import { listAccounts } from '../../core/api/accounts';

/**
 * useapi.net has no API to register a webhook: it calls whatever replyUrl a generation request
 * (or the useapi account) names. So the lifecycle manages only the trigger's own side:
 * - create checks the credential with a free request (a bad token fails the activation instead of
 *   every callback) and records the URL the trigger answers on;
 * - checkExists says whether that record matches the current URL;
 * - delete forgets the URL. The callback secret is derived from the credential, so it survives
 *   re-publishing, and the memory of delivered events is kept so a late duplicate stays a duplicate.
 */
export const callbackLifecycle = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		const staticData = this.getWorkflowStaticData('node');
		return staticData.callbackUrl === this.getNodeWebhookUrl('default');
	},

	async create(this: IHookFunctions): Promise<boolean> {
		await listAccounts(this);
		const staticData = this.getWorkflowStaticData('node');
		staticData.callbackUrl = this.getNodeWebhookUrl('default');
		return true;
	},

	async delete(this: IHookFunctions): Promise<boolean> {
		const staticData = this.getWorkflowStaticData('node');
		delete staticData.callbackUrl;
		return true;
	},
};
