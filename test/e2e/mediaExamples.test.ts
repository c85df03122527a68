/**
 * The image, speech and music examples in a real n8n 2.41 with the packed package, against the
 * simulator: a voice-over lip-synced onto a presenter video (Speech → Video Lip Sync, the clip
 * passed by its Audio ID, which the node uploads), a thumbnail animated into a video (Image → Video
 * Create, the image passed as a binary), and a music bed.
 */
import { binaryContent, binaryMetadata, nodeOutputItems, useN8nTestEnvironment } from './helpers';
import { fastPollExample } from './helpers/fastPollExample';

const MP4_BYTES = 150_000;

describe('Image, speech and music examples in a real n8n', () => {
	const n8n = useN8nTestEnvironment({
		workflows: [fastPollExample('voice-over-lipsync'), fastPollExample('thumbnail-to-video'), fastPollExample('music-bed')],
		simulator: { renderMs: 600, mp4Bytes: MP4_BYTES },
		shared: true,
	});

	const posts = () => n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/'));

	beforeEach(() => n8n.simulator.clearLog());

	it('voice-over to lip sync: the speech is made, taken by its Audio ID, uploaded by the node and spoken by the presenter', async () => {
		const run = await n8n.executeOk('pvVoiceOverLipSync');
		const [presenter] = nodeOutputItems(run, 'Presenter Video');
		const [speech] = nodeOutputItems(run, 'Voice-Over');
		const [lipSynced] = nodeOutputItems(run, 'Lip Sync');
		expect(speech.json).toMatchObject({ audio_id: expect.stringMatching(/-speech:\d+$/), video_status_name: 'COMPLETED', prompt: 'Hello! Here is what is new in our shop this week.' });
		expect(speech.binary).toBeUndefined();

		expect(posts().map((entry) => entry.path.split('?')[0])).toEqual(['/v2/pixverse/videos/create', '/v2/pixverse/speech/create', '/v2/pixverse/files', '/v2/pixverse/videos/lipsync']);
		const [, speechCreate, upload, lipsync] = posts();
		expect(speechCreate.body).toMatchObject({ text: 'Hello! Here is what is new in our shop this week.', voice_id: 'minimax_english_radiant_girl', model: 'speech-2.8-hd' });
		expect(upload.contentType).toBe('audio/wav');
		const served = n8n.simulator.log().find((entry) => entry.method === 'GET' && /^\/media\/\d+\.wav$/.test(entry.path));
		expect(served?.status).toBe(200);
		expect(upload.bodyBytes).toBeGreaterThan(44);
		expect(lipsync.body).toMatchObject({ video_id: presenter.json.video_id, audio_path: expect.stringMatching(/^upload\//) });
		expect(lipSynced.json).toMatchObject({ lip_sync: true, video_status_name: 'COMPLETED' });
		expect(binaryContent(n8n.userFolder, lipSynced, 'video').subarray(4, 8).toString('latin1')).toBe('ftyp');
	});

	it('thumbnail to video: the image is kept in the item and becomes the first frame of the video', async () => {
		const run = await n8n.executeOk('pvThumbnailToVideo');
		const [thumbnail] = nodeOutputItems(run, 'Thumbnail');
		const [video] = nodeOutputItems(run, 'Video From Thumbnail');
		expect(thumbnail.json).toMatchObject({ image_id: expect.stringMatching(/-image:\d+$/), video_status_name: 'COMPLETED', aspect_ratio: '16:9' });
		expect(binaryMetadata(thumbnail, 'data')).toMatchObject({ mimeType: 'image/png', fileExtension: 'png' });
		expect(binaryContent(n8n.userFolder, thumbnail, 'data').subarray(1, 4).toString('latin1')).toBe('PNG');
		const [, upload, create] = posts();
		expect(upload.contentType).toBe('image/png');
		expect(create.body).toMatchObject({ first_frame_path: expect.stringMatching(/^upload\//), model: 'v5.6' });
		expect(video.json.video_status_name).toBe('COMPLETED');
	});

	it('music bed: an instrumental track arrives as audio', async () => {
		const run = await n8n.executeOk('pvMusicBed');
		const [track] = nodeOutputItems(run, 'Music Bed');
		expect(track.json).toMatchObject({ audio_id: expect.stringMatching(/-music:\d+$/), video_status_name: 'COMPLETED', cost_credits: 40 });
		expect(posts().map((entry) => entry.body)).toEqual([expect.objectContaining({ model: 'music-2.6', instrumental: true })]);
		expect(binaryMetadata(track, 'audio').mimeType).toBe('audio/wav');
	});
});
