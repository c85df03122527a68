import { answeredIds, asResult, kindOfEndpoint, kindOfId } from '../../nodes/core/api/mediaKinds';
import { resultFileName, resultMimeType } from '../../nodes/core/download';
import { videoOutcome } from '../../nodes/core/videoStatus';

const ids = {
	video: 'user:1-pixverse:a@b.com-video:7',
	image: 'user:1-pixverse:a@b.com-image:42',
	speech: 'user:1-pixverse:a@b.com-speech:9',
	music: 'user:1-pixverse:a@b.com-music:11',
};

describe('media kinds', () => {
	it('tells the kind of a job by its id, and of a generation by its endpoint', () => {
		expect(Object.values(ids).map(kindOfId)).toEqual(['video', 'image', 'speech', 'music']);
		expect(kindOfId('something-else')).toBe('video');
		expect(['create', 'lipsync', 'createImage', 'createSpeech', 'createMusic'].map((endpoint) => kindOfEndpoint(endpoint as never))).toEqual(['video', 'video', 'image', 'speech', 'music']);
	});

	it('reads the id from each kind of create answer', () => {
		expect(answeredIds({ video_id: ids.video })).toEqual([ids.video]);
		expect(answeredIds({ image_id: ids.image })).toEqual([ids.image]);
		expect(answeredIds({ audio_id: ids.speech, cost_credits: 1 })).toEqual([ids.speech]);
		expect(answeredIds({ success_ids: [ids.image, 7, '', `${ids.image}3`] })).toEqual([ids.image, `${ids.image}3`]);
		expect(answeredIds({ success_ids: 'nope' })).toEqual([]);
	});
});

describe('results of every kind in the runtime terms', () => {
	it('reads an image record, keeping its own fields', () => {
		const done = asResult(ids.image, { image_status: 1, image_status_name: 'COMPLETED', image_status_final: true, image_url: 'https://media.example/x.webp' });
		expect(done).toMatchObject({ image_id: ids.image, video_id: ids.image, result_type: 'image', video_status_name: 'COMPLETED', video_status_final: true, url: 'https://media.example/x.webp' });
		expect(videoOutcome(done)).toBe('completed');
		expect(videoOutcome(asResult(ids.image, { image_status: 9 }))).toBe('pending');
		expect(videoOutcome(asResult(ids.image, { image_status: 7, image_status_final: true }))).toBe('moderated');
		expect(videoOutcome(asResult(ids.image, { image_status_name: 'FAILED', error: 'The image was deleted' }))).toBe('failed');
	});

	it('reads speech and music records by the audio status map (1 done, 5 queued, 8 failed, 10 generating)', () => {
		const url = 'https://media.example/a.mp3';
		expect(asResult(ids.speech, { audio_status: 1, url })).toMatchObject({ audio_id: ids.speech, video_id: ids.speech, result_type: 'speech', video_status_name: 'COMPLETED', video_status_final: true, url });
		expect(videoOutcome(asResult(ids.speech, { audio_status: 1, url }))).toBe('completed');
		expect(videoOutcome(asResult(ids.music, { audio_status: 5 }))).toBe('pending');
		expect(videoOutcome(asResult(ids.music, { audio_status: 10, audio_status_final: false }))).toBe('pending');
		expect(videoOutcome(asResult(ids.music, { audio_status: 8, fail_code: 'music_generation_failed' }))).toBe('failed');
		expect(asResult(ids.music, { audio_status: 1 }).result_type).toBe('music');
		// COMPLETED before its URL is not done yet.
		expect(videoOutcome(asResult(ids.speech, { audio_status: 1 }))).toBe('pending');
	});

	it('leaves a video record as it is, with its id', () => {
		expect(asResult(ids.video, { video_status: 1, url: 'u' })).toEqual({ video_status: 1, url: 'u', video_id: ids.video });
	});
});

describe('downloaded file names and types', () => {
	it('names each file after its id, typed by what the server says', () => {
		expect(resultFileName(ids.image, 'image/webp')).toBe('pixverse-image-42.webp');
		expect(resultFileName(ids.image, 'image/png')).toBe('pixverse-image-42.png');
		expect(resultFileName(ids.video, 'video/mp4')).toBe('pixverse-7.mp4');
		expect(resultFileName(ids.speech, 'audio/mpeg')).toBe('pixverse-speech-9.mp3');
		expect(resultFileName(ids.music, 'audio/wav')).toBe('pixverse-music-11.wav');
	});

	it("takes the kind's own type when the server names none, or only octet-stream", () => {
		expect(resultMimeType(ids.speech, undefined)).toBe('audio/mpeg');
		expect(resultMimeType(ids.image, 'application/octet-stream')).toBe('image/webp');
		expect(resultMimeType(ids.video, '')).toBe('video/mp4');
		expect(resultMimeType(ids.music, 'audio/wav; charset=binary')).toBe('audio/wav');
		expect(resultFileName(ids.music, resultMimeType(ids.music, 'text/plain'))).toBe('pixverse-music-11.mp3');
	});
});
