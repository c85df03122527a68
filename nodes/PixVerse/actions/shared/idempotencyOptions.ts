import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { REPLY_FIELD_MAX_LENGTH } from '../../../core/models/validate';
import type { SettingProblem } from '../../../core/models/validate';

/** Options of the `options` collection that make a re-run reuse the videos it already paid for. */
export const idempotencyOptionFields: INodeProperties[] = [
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. row-17-2026-05-01',
		description:
			'Text naming the work of this item, usually an expression such as a row ID plus the date. It is sent as the replyRef; before sending, the node looks for a running job or recent video with this key and, if there is one, outputs it (with reused: true) instead of paying again. Up to 1024 characters.',
	},
	{
		displayName: 'Idempotency Window (Hours)',
		name: 'idempotencyWindowHours',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		description: 'How far back videos are searched for the Idempotency Key (by their creation time); a job still running is found whatever its age',
	},
];

const DEFAULT_WINDOW_HOURS = 24;
const HOUR_MS = 60 * 60_000;

export interface IdempotencySettings {
	key: string;
	/** How far back (ms) a job or video with the key counts. */
	windowMs: number;
}

export interface IdempotencyReading {
	settings?: IdempotencySettings;
	problems: SettingProblem[];
}

/**
 * The item's Idempotency Key and window, checked: a blank key (often an expression that found
 * nothing) is refused rather than silently sending without one. `replyRef` is the item's Callback
 * Reference: the key is sent in its place, so a different one is refused.
 */
export function readIdempotency(context: IExecuteFunctions, itemIndex: number, replyRef: string | undefined): IdempotencyReading {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.idempotencyKey === undefined) return { problems: [] };
	const problems: SettingProblem[] = [];
	const key = typeof options.idempotencyKey === 'string' || typeof options.idempotencyKey === 'number' ? String(options.idempotencyKey).trim() : '';
	const hours = options.idempotencyWindowHours ?? DEFAULT_WINDOW_HOURS;
	if (!key) {
		problems.push({
			field: 'options.idempotencyKey',
			value: options.idempotencyKey,
			message: "The Idempotency Key is empty; allowed: a text naming this item's work (up to 1024 characters), e.g. {{ $json.rowId }}-{{ $today.toISODate() }}, or remove the option",
		});
	} else if (key.length > REPLY_FIELD_MAX_LENGTH) {
		problems.push({
			field: 'options.idempotencyKey',
			value: `${key.slice(0, 60)}…`,
			message: `The Idempotency Key is ${key.length} characters long; allowed: up to ${REPLY_FIELD_MAX_LENGTH} (it is sent as the replyRef)`,
		});
	}
	if (key && replyRef !== undefined && replyRef !== key) {
		problems.push({
			field: 'options.idempotencyKey',
			value: key,
			message: `Idempotency Key ("${key.slice(0, 60)}") and Callback Reference (replyRef) ("${replyRef.slice(0, 60)}") are both set and differ; allowed: one of them (the key is sent as the replyRef)`,
		});
	}
	if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
		problems.push({
			field: 'options.idempotencyWindowHours',
			value: hours,
			message: `The Idempotency Window (Hours) is ${JSON.stringify(hours)}; allowed: a number of hours greater than 0`,
		});
	}
	return problems.length ? { problems } : { settings: { key, windowMs: (hours as number) * HOUR_MS }, problems };
}
