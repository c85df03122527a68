import { optionValues as values, visibleField, visibleNames } from './nodeForm';

describe('forms of the operations on an existing video', () => {
	const extend = (extra: Record<string, unknown> = {}) => ({ resource: 'video', operation: 'extend', videoSource: 'id', model: 'v6', ...extra });

	it('asks for the Video ID, an uploaded path or a binary field, depending on Video Source', () => {
		expect(visibleField(extend(), 'videoSource')?.default).toBe('id');
		expect(visibleNames(extend())).toContain('videoId');
		expect(visibleNames(extend({ videoSource: 'path' }))).toEqual(expect.arrayContaining(['videoPath']));
		expect(visibleNames(extend({ videoSource: 'path' }))).not.toContain('videoId');
		expect(visibleNames(extend({ videoSource: 'binary' }))).toEqual(expect.arrayContaining(['videoBinaryProperty']));
	});

	it('extend offers its four models, audio only on v6, and grok-imagine 2-10 s', () => {
		expect(values(visibleField(extend(), 'model'))).toEqual(['v6', 'v5.5', 'v5', 'grok-imagine']);
		expect(visibleNames(extend())).toEqual(expect.arrayContaining(['audio', 'offPeakMode', 'seed', 'quality', 'duration']));
		for (const hidden of ['aspectRatio', 'multiShot', 'previewMode']) expect(visibleNames(extend())).not.toContain(hidden);
		expect(visibleNames(extend({ model: 'v5.5' }))).not.toContain('audio');
		expect(values(visibleField(extend({ model: 'grok-imagine' }), 'duration'))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(visibleNames(extend({ model: 'grok-imagine' }))).not.toContain('seed');
	});

	it('upscale has no model, quality or source choice', () => {
		const names = visibleNames({ resource: 'video', operation: 'upscale' });
		expect(names).toContain('videoId');
		for (const absent of ['model', 'quality', 'videoSource']) expect(names).not.toContain(absent);
		expect(visibleField({ resource: 'video', operation: 'upscale' }, 'videoId')?.description).toContain('Upscale has no model or quality to choose');
	});

	it('lip sync asks for text and a voice only for text to speech', () => {
		const lipsync = (audioSource: string) => visibleNames({ resource: 'video', operation: 'lipsync', videoSource: 'id', audioSource });
		expect(lipsync('tts')).toEqual(expect.arrayContaining(['speechText', 'speakerId', 'originalSound', 'offPeakMode']));
		expect(lipsync('binary')).toEqual(expect.arrayContaining(['audioBinaryProperty']));
		expect(lipsync('binary')).not.toContain('speakerId');
		expect(visibleField({ resource: 'video', operation: 'lipsync', audioSource: 'tts' }, 'speakerId')?.typeOptions?.loadOptionsMethod).toBe('getVoices');
	});

	it('modify and motion control offer at most 720p; restyle runs on v4 with a style picker', () => {
		expect(values(visibleField({ resource: 'video', operation: 'modify', model: 'v5.5' }, 'quality'))).toEqual(['360p', '540p', '720p']);
		const motion = { resource: 'video', operation: 'motionControl', model: 'v5.6' };
		expect(values(visibleField(motion, 'quality'))).toEqual(['360p', '540p', '720p']);
		expect(visibleField(motion, 'quality')?.default).toBe('720p');
		expect(visibleNames({ ...motion, characterImageSource: 'binary', motionVideoSource: 'path' })).toEqual(expect.arrayContaining(['characterImageBinaryProperty', 'motionVideoPath']));
		const restyle = { resource: 'video', operation: 'restyle', videoSource: 'id', model: 'v4' };
		expect(values(visibleField(restyle, 'model'))).toEqual(['v4']);
		expect(visibleField(restyle, 'restyleId')?.typeOptions?.loadOptionsMethod).toBe('getRestyles');
	});
});
