import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { binaryPropertyField, maxDownloadBytes, maxDownloadSizeField } from '../../../core/binaryPropertyField';
import type { MediaKind } from '../../../core/api/mediaKinds';
import { MEDIA_KINDS } from '../../../core/api/mediaKinds';

type Show = NonNullable<IDisplayOptions['show']>;

const POLL_INTERVAL_MIN_SECONDS = 1;
const TIMEOUT_MIN_MINUTES = 0.05;
const MAX_CONCURRENT_MAX = 64;

/** none: output the id at once; poll: check inside the node; callback: park the execution until useapi calls back. */
export type WaitMode = 'none' | 'poll' | 'callback';

export interface WaitSettings {
	mode: WaitMode;
	intervalMs: number;
	timeoutMs: number;
	download: boolean;
	binaryProperty: string;
	maxBytes?: number;
	/** 0: as many as useapi reports free slots for. */
	maxConcurrent: number;
}

/**
 * How to wait for what the operation makes (videos unless `kind` says otherwise). `submits: false`
 * is for operations that only wait (Video > Wait for Completion): no "Don't Wait", no concurrency limit.
 */
export function waitFields({ submits = true, kind = 'video' }: { submits?: boolean; kind?: MediaKind } = {}): INodeProperties[] {
	const when = (show: Show): IDisplayOptions => ({ show });
	const { noun, file } = MEDIA_KINDS[kind];
	const nouns = kind === 'video' ? 'Videos' : `${file.label} jobs`;
	const waiting = ['poll', 'callback'];
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitMode',
			type: 'options',
			default: 'poll',
			options: [
				...(submits ? [{ name: "Don't Wait", value: 'none', description: `Output the ${noun} ID at once; check it later with Get` }] : []),
				{ name: 'Poll Until Done', value: 'poll', description: `Check the ${noun} regularly inside this node until it is finished or the timeout passes` },
				{
					name: 'Resume When PixVerse Calls Back',
					value: 'callback',
					description: "Park the execution (no worker held) until useapi.net calls n8n's resume URL; needs n8n reachable from the internet (WEBHOOK_URL)",
				},
			],
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: 10,
			typeOptions: { minValue: POLL_INTERVAL_MIN_SECONDS },
			displayOptions: when({ waitMode: ['poll'] }),
			description: 'How long to wait between status checks',
		},
		{
			displayName: 'Timeout (Minutes)',
			name: 'waitTimeout',
			type: 'number',
			default: 15,
			typeOptions: { minValue: TIMEOUT_MIN_MINUTES, numberPrecision: 2 },
			displayOptions: when({ waitMode: waiting }),
			description: `${nouns} still rendering after this come out with their ID and last status, so you can wait for them later. A parked execution is resumed within a minute after it.`,
		},
		...(submits ? [maxConcurrentField(when({ waitMode: ['poll'] }), nouns.toLowerCase())] : []),
		{
			displayName: `Download ${file.label}`,
			name: 'download',
			type: 'boolean',
			default: true,
			displayOptions: when({ waitMode: waiting }),
			description: `Whether to put the finished ${file.format} into a binary property of the output item`,
		},
		binaryPropertyField(when({ waitMode: waiting, download: [true] })),
		maxDownloadSizeField(when({ waitMode: waiting, download: [true] })),
	];
}

function maxConcurrentField(displayOptions: IDisplayOptions, nouns: string): INodeProperties {
	return {
		displayName: 'Max Concurrent Jobs',
		name: 'maxConcurrent',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: MAX_CONCURRENT_MAX, numberPrecision: 0 },
		displayOptions,
		description: `How many ${nouns} of this batch may render at once. 0: as many as useapi.net accepts; items that find every slot busy are sent again as slots free up.`,
	};
}

/** A number setting, refused (naming field, value and range) when it is not a number in range. */
function numberSetting(context: IExecuteFunctions, itemIndex: number, name: string, label: string, fallback: number, range: { min: number; max?: number; whole?: boolean }): number {
	const value = context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const number = typeof value === 'number' ? value : Number.NaN;
	const inRange = Number.isFinite(number) && number >= range.min && (range.max === undefined || number <= range.max) && (!range.whole || Number.isInteger(number));
	if (inRange) return number;
	const allowed = `${range.whole ? 'a whole number' : 'a number'} ${range.max === undefined ? `of at least ${range.min}` : `from ${range.min} to ${range.max}`}`;
	throw new NodeOperationError(context.getNode(), `${label} is ${JSON.stringify(value)}; allowed: ${allowed}`, {
		itemIndex,
		description: `Parameter "${name}". Nothing was sent to PixVerse and no credits were used.`,
	});
}

/** The wait settings, each checked: an out-of-range value is an error, never silently clamped. */
export function readWaitSettings(context: IExecuteFunctions, itemIndex = 0): WaitSettings {
	const mode = context.getNodeParameter('waitMode', itemIndex, 'poll') as WaitMode;
	const download = mode !== 'none' && (context.getNodeParameter('download', itemIndex, true) as boolean);
	return {
		mode,
		intervalMs: numberSetting(context, itemIndex, 'pollInterval', 'Poll Interval (Seconds)', 10, { min: POLL_INTERVAL_MIN_SECONDS }) * 1000,
		timeoutMs: numberSetting(context, itemIndex, 'waitTimeout', 'Timeout (Minutes)', 15, { min: TIMEOUT_MIN_MINUTES }) * 60_000,
		download,
		binaryProperty: download ? (context.getNodeParameter('binaryProperty', itemIndex, 'data') as string) : 'data',
		maxBytes: download ? maxDownloadBytes(context.getNodeParameter('maxDownloadSize', itemIndex, 0)) : undefined,
		maxConcurrent: mode === 'poll' ? numberSetting(context, itemIndex, 'maxConcurrent', 'Max Concurrent Jobs', 0, { min: 0, max: MAX_CONCURRENT_MAX, whole: true }) : 0,
	};
}
