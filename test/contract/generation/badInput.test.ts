/**
 * Every bad input is refused before any request: the simulator's log stays empty, and the error
 * names the field, the value and what is allowed. The hidden-field rows are workflow JSON (written
 * by hand, imported, or by an agent) that sets a field the form hides for the chosen model or
 * options: n8n would drop such a value without a word.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createInputBinary } from '../harness';
import { simulatorSession } from '../simulatorSession';

const create = (extra: INodeParameters): INodeParameters => ({
	resource: 'video',
	operation: 'create',
	prompt: 'A red fox running through snow',
	imageSource: 'none',
	waitMode: 'none',
	...extra,
});

const textLabelledPng = async (): Promise<INodeExecutionData[]> => [
	{ json: {}, binary: { data: await createInputBinary(Buffer.from('hello, this is plain text, not a picture'), 'photo.png', 'image/png') } },
];

interface Row {
	params: INodeParameters;
	items?: () => Promise<INodeExecutionData[]>;
	/** The field as the message names it, the value as it shows it, and what is allowed. */
	field: string;
	value: string;
	allowed: RegExp;
}

const ROWS: Array<[string, Row]> = [
	['an empty prompt', { params: create({ prompt: '' }), field: 'Prompt', value: 'empty', allowed: /allowed: text \(it is required\)/ }],
	['a prompt of only spaces', { params: create({ prompt: '   ' }), field: 'Prompt', value: 'only spaces', allowed: /allowed: text \(it is required\)/ }],
	['a lone surrogate in a prompt', { params: create({ prompt: 'A fox \uD83D running' }), field: 'Prompt', value: '\\uD83D at character 7', allowed: /allowed: valid Unicode text/ }],
	['a text file labelled image/png', { params: create({ imageSource: 'binary', imageBinaryProperty: 'data' }), items: textLabelledPng, field: 'binary field "data"', value: 'labelled image/png', allowed: /allowed: PNG, JPEG, GIF, WebP/ }],
	['an image path of only spaces', { params: create({ imageSource: 'path', imagePath: '   ' }), field: 'Image Path', value: 'only spaces', allowed: /allowed: text \(it is required\)/ }],
	['a replyUrl to a link-local address', { params: create({ options: { replyUrl: 'http://169.254.169.254/latest/meta-data' } }), field: 'Callback URL (replyUrl)', value: 'link-local', allowed: /allowed: a public http\(s\) address/ }],
	['an Idempotency Key of only spaces', { params: create({ options: { idempotencyKey: '   ' } }), field: 'Idempotency Key', value: 'empty', allowed: /allowed: a text naming this item's work/ }],
	['an Idempotency Key of 1030 characters', { params: create({ options: { idempotencyKey: 'k'.repeat(1030) } }), field: 'Idempotency Key', value: '1030 characters', allowed: /allowed: up to 1024/ }],
	['an Idempotency Key and another replyRef', { params: create({ options: { idempotencyKey: 'row-1', replyRef: 'sheet-7' } }), field: 'Callback Reference (replyRef)', value: '("row-1") and Callback Reference (replyRef) ("sheet-7")', allowed: /allowed: one of them/ }],
	['Idempotency Window 0', { params: create({ options: { idempotencyKey: 'row-1', idempotencyWindowHours: 0 } }), field: 'Idempotency Window (Hours)', value: '0', allowed: /allowed: a number of hours greater than 0/ }],
	['Timeout -1', { params: create({ waitMode: 'poll', waitTimeout: -1 }), field: 'Timeout (Minutes)', value: '-1', allowed: /allowed: a number of at least 0\.05/ }],
	['Poll Interval 0', { params: create({ waitMode: 'poll', pollInterval: 0 }), field: 'Poll Interval (Seconds)', value: '0', allowed: /allowed: a number of at least 1/ }],
	['seed on Seedance', { params: create({ model: 'seedance-2.0', seed: 42 }), field: 'Seed', value: '42', allowed: /model "seedance-2.0" does not support Seed, so PixVerse would not get it; allowed: unset here, or a value only when model is "v6"/ }],
	['multi_shot on V5.5', { params: create({ model: 'v5.5', multiShot: true }), field: 'Multi-Shot', value: 'true', allowed: /model "v5.5" does not support Multi-Shot, .*allowed: unset here, or a value only when model is "v6"/ }],
	['audio on Veo', { params: create({ model: 'veo-3.1-fast', audio: true }), field: 'Generate Audio', value: 'true', allowed: /model "veo-3.1-fast" always generates audio with the video, whatever Generate Audio says, .*allowed: unset here, or a value only when model is .*"v6"/ }],
	['audio on Veo 3.1 Lite', { params: create({ model: 'veo-3.1-lite', audio: true }), field: 'Generate Audio', value: 'true', allowed: /model "veo-3.1-lite" has no audio switch, .*allowed: unset here, or a value only when model is .*"v6"/ }],
	['off-peak on Kling', { params: create({ model: 'kling-v3', offPeakMode: true }), field: 'Off-Peak Mode', value: 'true', allowed: /model "kling-v3" does not support Off-Peak Mode, .*allowed: unset here, or a value only when model is .*"v6"/ }],
	['preview on V5-fast', { params: create({ model: 'v5-fast', previewMode: true }), field: 'Preview Mode', value: 'true', allowed: /model "v5-fast" does not support Preview Mode, .*allowed: unset here, or a value only when model is .*"v6"/ }],
	['an aspect ratio together with an image', { params: create({ imageSource: 'path', imagePath: 'upload/photo.png', aspectRatio: '9:16' }), field: 'Aspect Ratio', value: '"9:16"', allowed: /with an input image the video takes the image's aspect ratio, .*allowed: unset here, or a value only when .*imageSource is "none"/ }],
];

describe('bad input is refused before any request', () => {
	const session = simulatorSession();

	it.each(ROWS)('%s', async (_label, row) => {
		const run = await session.run(row.params, row.items ? { items: await row.items() } : {});
		expect(run.error).toBeDefined();
		const { message } = run.error!;
		expect(message).toContain(row.field);
		expect(message).toContain(row.value);
		expect(message).toMatch(row.allowed);
		expect(session.apiRequests()).toEqual([]);
	});

	it('still sends a hidden field left at its default, and the same values where the form shows them', async () => {
		const run = await session.run(create({ model: 'seedance-2.0', seed: 0, multiShot: false }));
		expect(run.error).toBeUndefined();
		const shown = await session.run(create({ model: 'v6', seed: 42, multiShot: true }));
		expect(shown.error).toBeUndefined();
		expect(session.apiRequests().filter((entry) => entry.method === 'POST').map((entry) => [entry.body!.seed, entry.body!.multi_shot])).toEqual([
			[undefined, undefined],
			[42, true],
		]);
	});
});
