import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { createInputBinary } from '../../harness';
import { GENERATED_REFERENCE } from '../../simulatorSession';
import { speechCreate } from '../../simulatorMedia';
import { POLL_WITHOUT_DOWNLOAD, sourceVideoSession } from '../../simulatorVideos';

const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(1000, 5)]);

const wait = POLL_WITHOUT_DOWNLOAD;

describe('Video operations on an existing video, against the simulator', () => {
	const { session, posts, finishedVideo } = sourceVideoSession();

	describe('Lip Sync', () => {
		const lipsync = (extra: INodeParameters): INodeParameters => ({
			resource: 'video', operation: 'lipsync', videoSource: 'id', audioSource: 'tts', speechText: 'Hello from the fox', speakerId: '2', originalSound: false, ...wait, ...extra,
		});

		it('speaks a text in a chosen voice', async () => {
			const videoId = await finishedVideo({ model: 'v5' });
			const run = await session.run(lipsync({ videoId, originalSound: true, offPeakMode: true, waitMode: 'none' }));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => entry.body)).toEqual([
				{ replyRef: GENERATED_REFERENCE, video_id: videoId, prompt: 'Hello from the fox', speaker_id: '2', original_sound_switch: true, off_peak_mode: true },
			]);
		});

		it('follows an audio track uploaded from a binary field', async () => {
			const videoId = await finishedVideo({ model: 'v5' });
			const audio = await createInputBinary(MP3, 'voice.mp3', 'audio/mpeg');
			const run = await session.run(lipsync({ videoId, audioSource: 'binary', audioBinaryProperty: 'voice' }), { items: [{ json: {}, binary: { voice: audio } }] });
			expect(run.error).toBeUndefined();
			const [upload, submit] = posts();
			expect(upload.contentType).toBe('audio/mpeg');
			expect(submit.body).toEqual({ replyRef: GENERATED_REFERENCE, video_id: videoId, audio_path: expect.stringMatching(/^upload\/.+\.mp3$/), original_sound_switch: false });
			expect(run.output![0][0].json).toMatchObject({ lip_sync: true, video_status_name: 'COMPLETED' });
		});

		it('follows a speech clip made by Speech → Create, given by its Audio ID: the node downloads and uploads it', async () => {
			const videoId = await finishedVideo({ model: 'v5' });
			const speech = await session.run(speechCreate({ download: false }));
			const audioId = String(speech.output![0][0].json.audio_id);
			session.sim.clearLog();
			const run = await session.run(lipsync({ videoId, audioSource: 'result', audioResultId: audioId }));
			expect(run.error).toBeUndefined();
			const requests = session.apiRequests().map((entry) => `${entry.method} ${entry.path.split('?')[0]}`);
			expect(requests.slice(0, 6)).toEqual([
				'GET /v2/pixverse/videos/' + videoId,
				'GET /v2/pixverse/accounts',
				'GET /v2/pixverse/speech/' + audioId,
				expect.stringMatching(/^GET \/media\/\d+\.wav$/),
				'POST /v2/pixverse/files',
				'POST /v2/pixverse/videos/lipsync',
			]);
			const [upload, submit] = posts();
			expect(upload.contentType).toBe('audio/wav');
			expect(submit.body).toEqual({ replyRef: GENERATED_REFERENCE, video_id: videoId, audio_path: expect.stringMatching(/^upload\//), original_sound_switch: false });
			expect(run.output![0][0].json).toMatchObject({ lip_sync: true, video_status_name: 'COMPLETED' });
		});

		it('refuses an Audio ID that is not a speech clip before sending anything, and a speech not finished before the lip sync is sent', async () => {
			const videoId = await finishedVideo({ model: 'v5' });
			session.sim.clearLog();
			const wrongKind = await session.run(lipsync({ videoId, audioSource: 'result', audioResultId: videoId }));
			expect(wrongKind.error!.message).toBe(`Audio ID ${JSON.stringify(videoId)} is not the ID of a speech; allowed: the audio_id of a speech made by PixVerse, ending in -speech:<number>`);
			expect(session.apiRequests()).toHaveLength(0);

			await session.sim.configure({ renderMs: 60_000 });
			const pending = await session.run(speechCreate({ waitMode: 'none' }));
			const audioId = String(pending.output![0][0].json.audio_id);
			const run = await session.run(lipsync({ videoId, audioSource: 'result', audioResultId: audioId }), { continueOnFail: true });
			expect(run.output![0][0].json.error).toBe(`The speech ${audioId} is not finished yet (QUEUED), so it cannot be used here`);
			expect(posts().filter((entry) => entry.path.includes('lipsync'))).toHaveLength(0);
		});

		it.each<[string, INodeParameters, string]>([
			['a text over 200 characters', { speechText: 'x'.repeat(201) }, 'Speech Text is 201 characters long; lip-sync text-to-speech takes at most 200'],
			['no voice', { speakerId: '' }, 'No voice chosen for the speech; pick one under "Voice Name or ID" (the list comes from GET /videos/voices)'],
			['an empty text', { speechText: ' ' }, 'Speech Text is only spaces; allowed: text (it is required)'],
		])('refuses %s before sending anything', async (_label, extra, message) => {
			const run = await session.run(lipsync({ videoId: 'user:1-pixverse:demo@example.com-video:1', ...extra }));
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe(message);
			expect(session.apiRequests()).toHaveLength(0);
		});

		it('refuses an image given as the audio track before sending anything', async () => {
			const image = await createInputBinary(Buffer.from('png'), 'face.png', 'image/png');
			const run = await session.run(lipsync({ videoId: 'user:1-pixverse:demo@example.com-video:1', audioSource: 'binary', audioBinaryProperty: 'data' }), {
				items: [{ json: {}, binary: { data: image } }],
			});
			expect(run.error!.message).toContain('has type "image/png", which PixVerse does not accept as a audio; allowed: audio/wav, audio/wave, audio/mpeg');
			expect(session.apiRequests()).toHaveLength(0);
		});
	});
});
