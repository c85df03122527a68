import type { INodeParameters } from 'n8n-workflow';

/** Create parameters of each media kind, polling fast, with the file downloaded. */

export const imageCreate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'create',
	prompt: 'A lighthouse on a cliff at dusk, oil painting',
	model: 'qwen-image',
	quality: '720p',
	aspectRatio: '16:9',
	waitMode: 'poll',
	pollInterval: 1,
	waitTimeout: 1,
	download: true,
	binaryProperty: 'data',
	...extra,
});

export const speechCreate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'speech',
	operation: 'create',
	text: 'Welcome to the lighthouse. Mind the stairs.',
	voiceId: 'minimax_english_radiant_girl',
	model: 'speech-2.8-hd',
	waitMode: 'poll',
	pollInterval: 1,
	waitTimeout: 1,
	download: true,
	binaryProperty: 'data',
	...extra,
});

export const musicCreate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'music',
	operation: 'create',
	prompt: 'Calm ambient piano with soft rain',
	model: 'music-2.6',
	instrumental: true,
	waitMode: 'poll',
	pollInterval: 1,
	waitTimeout: 1,
	download: true,
	binaryProperty: 'data',
	...extra,
});
