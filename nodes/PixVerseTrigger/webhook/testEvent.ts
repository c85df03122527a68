import type { INodeExecutionData, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * What a call to the Test URL emitted, until the editor's execution picks it up. In a manual
 * execution n8n runs the poll function of a node that has one, even when a test webhook started
 * the execution, and shows what the poll returns instead of what the webhook emitted. So in
 * webhook mode the poll hands the webhook's items on. Kept in this process: n8n runs a test
 * webhook's execution where it received the call.
 */
const pendingTestEvents = new Map<string, INodeExecutionData[][]>();

const triggerKey = (context: IWebhookFunctions | IPollFunctions) => `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;

/** Emits items from a call to the Test URL: returns them for n8n, and keeps them for the poll. */
export function emitTestEvent(context: IWebhookFunctions, items: INodeExecutionData[][]): INodeExecutionData[][] {
	pendingTestEvents.set(triggerKey(context), items);
	return items;
}

/** The items the Test URL call of this manual execution emitted (once), or null. */
export function takeTestEvent(context: IPollFunctions): INodeExecutionData[][] | null {
	const key = triggerKey(context);
	const items = pendingTestEvents.get(key) ?? null;
	pendingTestEvents.delete(key);
	return items;
}
