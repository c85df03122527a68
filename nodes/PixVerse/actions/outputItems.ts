import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

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
