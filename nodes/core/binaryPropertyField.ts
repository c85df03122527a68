import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Where a downloaded MP4 goes: the output binary field, `data` unless the user names another. */
export function binaryPropertyField(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		...(displayOptions ? { displayOptions } : { required: true }),
		hint: 'The name of the output binary field to put the MP4 in',
	};
}
