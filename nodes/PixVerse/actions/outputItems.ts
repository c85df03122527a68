import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

/** What a simplified video record keeps: what a next step or an AI agent acts on. */
const SIMPLE_FIELDS = ['video_id', 'video_status_name', 'video_status_final', 'url', 'model', 'prompt', 'duration', 'quality', 'aspect_ratio', 'created_at'];
/** Kept when present: what kind of result and its own id (images, speech, music), why it failed or is not done yet, what it cost, the caller's reference, and whether an Idempotency Key reused it. */
const WHEN_PRESENT = ['result_type', 'image_id', 'audio_id', 'error', 'error_description', 'errCode', 'fail_code', 'fail_reason', 'timed_out', 'last_error', 'note', 'cost_credits', 'replyRef', 'reused'];

/** The compact form of a video record (about 40 fields) that Simplify puts out. */
export function simplifyVideo(record: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS) simple[field] = record[field] ?? null;
	for (const field of WHEN_PRESENT) if (record[field] !== undefined) simple[field] = record[field];
	return simple;
}

const SIMPLIFY_DESCRIPTION = 'Whether to return a compact record (ID, status, URL, model, prompt, duration, quality, aspect ratio, created at, and any error) instead of all of useapi.net\'s fields';

/**
 * n8n's Simplify switch: off in workflows (full records, as before), on by default when an AI
 * agent calls the node as a tool, where a compact answer saves its context.
 */
export const simplifyFields: INodeProperties[] = [
	{ displayName: 'Simplify', name: 'simplify', type: 'boolean', default: false, displayOptions: { hide: { '@tool': [true] } }, description: SIMPLIFY_DESCRIPTION },
	{ displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, displayOptions: { show: { '@tool': [true] } }, description: SIMPLIFY_DESCRIPTION },
];

/** The Simplify switch of an item; unset, it is on for tool calls only. */
export function readSimplify(context: IExecuteFunctions | IWebhookFunctions, itemIndex = 0): boolean {
	const forTool = context.getNode().type.endsWith('Tool');
	if ('getWebhookName' in context) return context.getNodeParameter('simplify', forTool) as boolean;
	return context.getNodeParameter('simplify', itemIndex, forTool) as boolean;
}

/**
 * Simplifies the video records of the items whose Simplify switch is on, in place: items parked
 * for a callback are the same objects n8n keeps, and a resume finds them by the fields kept.
 */
export function simplifiedWhereAsked(context: IExecuteFunctions | IWebhookFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	for (const item of items) {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const itemIndex = typeof paired === 'number' ? paired : (paired?.item ?? 0);
		if (readSimplify(context, itemIndex)) item.json = simplifyVideo(item.json);
	}
	return items;
}

export function videoItem(json: IDataObject, itemIndex: number, binary?: { property: string; data: IBinaryData }): INodeExecutionData {
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	if (binary) item.binary = { [binary.property]: binary.data };
	return item;
}

/** The item continueOnFail puts out: the error, plus the video id and status when there is one. */
export function errorItem(error: unknown, itemIndex: number, video?: IDataObject): INodeExecutionData {
	const { message, description } = error as { message?: string; description?: string };
	const json: IDataObject = { error: message ?? String(error) };
	if (description) json.error_description = description;
	if (video?.video_id) {
		json.video_id = video.video_id;
		if (video.video_status_name) json.video_status_name = video.video_status_name;
	}
	return { json, pairedItem: { item: itemIndex } };
}
