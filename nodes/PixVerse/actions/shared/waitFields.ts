import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

type Show = NonNullable<IDisplayOptions['show']>;

export type WaitMode = 'none' | 'poll';

export interface WaitSettings {
	mode: WaitMode;
	intervalMs: number;
	timeoutMs: number;
	download: boolean;
	binaryProperty: string;
	/** 0: as many as useapi reports free slots for. */
	maxConcurrent: number;
}

export function waitFields(): INodeProperties[] {
	const when = (show: Show): IDisplayOptions => ({ show });
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitMode',
			type: 'options',
			default: 'poll',
			options: [
				{ name: "Don't Wait", value: 'none', description: 'Output the video ID at once; check it later with Get' },
				{ name: 'Poll Until Done', value: 'poll', description: 'Check the video regularly inside this node until it is finished or the timeout passes' },
			],
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 1 },
			displayOptions: when({ waitMode: ['poll'] }),
			description: 'How long to wait between status checks',
		},
		{
			displayName: 'Timeout (Minutes)',
			name: 'waitTimeout',
			type: 'number',
			default: 15,
			typeOptions: { minValue: 0.05, numberPrecision: 2 },
			displayOptions: when({ waitMode: ['poll'] }),
			description: 'Videos still rendering after this come out with their ID and last status, so you can wait for them later',
		},
		{
			displayName: 'Max Concurrent Jobs',
			name: 'maxConcurrent',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 64, numberPrecision: 0 },
			displayOptions: when({ waitMode: ['poll'] }),
			description: 'How many videos of this batch may render at once. 0 uses the free slots useapi.net reports (Scheduler > Get Available Slots); further items start as earlier ones finish.',
		},
		{
			displayName: 'Download Video',
			name: 'download',
			type: 'boolean',
			default: true,
			displayOptions: when({ waitMode: ['poll'] }),
			description: 'Whether to put the finished MP4 into a binary property of the output item',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryProperty',
			type: 'string',
			default: 'data',
			displayOptions: when({ waitMode: ['poll'], download: [true] }),
			hint: 'The name of the output binary field to put the MP4 in',
		},
	];
}

export function readWaitSettings(context: IExecuteFunctions, itemIndex = 0): WaitSettings {
	const mode = context.getNodeParameter('waitMode', itemIndex, 'poll') as WaitMode;
	const download = mode === 'poll' && (context.getNodeParameter('download', itemIndex, true) as boolean);
	return {
		mode,
		intervalMs: Math.max(1, context.getNodeParameter('pollInterval', itemIndex, 10) as number) * 1000,
		timeoutMs: Math.max(0.05, context.getNodeParameter('waitTimeout', itemIndex, 15) as number) * 60_000,
		download,
		binaryProperty: download ? (context.getNodeParameter('binaryProperty', itemIndex, 'data') as string) : 'data',
		maxConcurrent: mode === 'poll' ? (context.getNodeParameter('maxConcurrent', itemIndex, 0) as number) : 0,
	};
}
