import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

/** A video the parked execution still waits for: its place in the output and its id. */
export interface AwaitedVideo {
	position: number;
	videoId: string;
	/** The parked item's fields (last known record, cost_credits). */
	json: IDataObject;
}

/**
 * The items the execution was parked with (see parkExecution): they are the waiting node's input
 * now, which webhook() reaches through `$input`. With the workflow setting that keeps binaries
 * inside the JSON, expressions return the JSON alone; both shapes are read.
 */
export function readParkedItems(context: IWebhookFunctions): INodeExecutionData[] {
	const value = context.evaluateExpression('{{ $input.all() }}', 0);
	if (!Array.isArray(value)) return [];
	return (value as unknown[]).map((entry) => {
		const candidate = entry as INodeExecutionData;
		return candidate && typeof candidate.json === 'object' && candidate.json !== null ? candidate : { json: (entry ?? {}) as IDataObject };
	});
}

/** Parked items that stand for a video still rendering: its id and `timed_out`, as the deadline shows it. */
export function awaitedVideos(items: INodeExecutionData[]): AwaitedVideo[] {
	return items.flatMap((item, position) => {
		const { json } = item;
		return json.timed_out === true && typeof json.video_id === 'string' && json.video_id ? [{ position, videoId: json.video_id, json }] : [];
	});
}
