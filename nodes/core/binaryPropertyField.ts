import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

const BYTES_PER_MB = 1024 * 1024;

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

/** An optional cap on the size of a download: past it the file is refused and nothing is kept. */
export function maxDownloadSizeField(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Max Download Size (MB)',
		name: 'maxDownloadSize',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		...(displayOptions ? { displayOptions } : {}),
		description: 'Refuse a file larger than this, keeping nothing of it (1 MB = 1,048,576 bytes). 0 downloads any size.',
	};
}

/** The cap in bytes, from the field's value; undefined for no cap. */
export const maxDownloadBytes = (megabytes: unknown): number | undefined =>
	typeof megabytes === 'number' && megabytes > 0 ? Math.floor(megabytes * BYTES_PER_MB) : undefined;
