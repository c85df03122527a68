import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { submitVideo, waitUntilFinal } from '../../simulatorVideos';
import { simulatorSession } from '../../simulatorSession';

const wait: INodeParameters = { waitMode: 'poll', pollInterval: 1, waitTimeout: 1, download: false };
const speech: INodeParameters = { audioSource: 'tts', speechText: 'Hello there', speakerId: '1' };
const operations: Record<string, (videoId: string) => INodeParameters> = {
	lipsync: (videoId) => ({ resource: 'video', operation: 'lipsync', videoSource: 'id', videoId, ...speech, ...wait }),
	upscale: (videoId) => ({ resource: 'video', operation: 'upscale', videoId, ...wait }),
	extend: (videoId) => ({ resource: 'video', operation: 'extend', videoSource: 'id', videoId, model: 'v6', quality: '720p', duration: 5, ...wait }),
};

describe('The source video of Lip Sync, Upscale and Extend is checked before sending', () => {
	const session = simulatorSession();
	const generationPosts = () => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/'));
	const sourceReads = () => session.apiRequests().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v2/pixverse/videos/user'));

	async function finishedVideo(model: string): Promise<string> {
		const videoId = await submitVideo(session.sim, { model });
		await waitUntilFinal(session.sim, videoId);
		session.sim.clearLog();
		return videoId;
	}

	it.each([
		['lipsync', 'v6', 'The video in "Video ID" was made with model "v6" (PixVerse V6); Lip Sync takes only videos of "v5"'],
		['upscale', 'kling-v3', 'The video in "Video ID" was made with model "kling-v3" (Kling V3); Upscale takes only videos of "v6", "v5.6", "v5.5", "v5", "v5-fast"'],
		['extend', 'v5.6', 'The video in "Video ID" was made with model "v5.6" (PixVerse V5.6); Extend takes only videos of "v6", "v5.5", "v5", "grok-imagine"'],
	])('%s refuses a %s video with one free GET and no generation request', async (operation, model, message) => {
		const videoId = await finishedVideo(model);
		const run = await session.run(operations[operation](videoId));
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toBe(message);
		expect((run.error as NodeOperationError).description).toBe(`Set by parameter "videoId", value "${videoId}".\nNothing was sent to PixVerse and no credits were used.`);
		expect(sourceReads()).toHaveLength(1);
		expect(generationPosts()).toHaveLength(0);
	});

	it.each([
		['lipsync', 'v5'],
		['upscale', 'v5.6'],
		['extend', 'v5.5'],
		// "?" in the documented matrix: left to the API.
		['upscale', 'pixverse-c1'],
		['extend', 'pixverse-c1'],
	])('%s sends a %s video', async (operation, model) => {
		const videoId = await finishedVideo(model);
		await session.run(operations[operation](videoId), { continueOnFail: true });
		expect(sourceReads().length).toBeGreaterThanOrEqual(1);
		expect(generationPosts()).toHaveLength(1);
	});

	it('refuses the whole batch before any generation request when one item has a refused source', async () => {
		const good = await finishedVideo('v5');
		const bad = await finishedVideo('v6');
		const run = await session.run(operations.lipsync('={{ $json.id }}'), { items: [{ json: { id: good } }, { json: { id: bad } }] });
		expect(run.error!.message).toContain('made with model "v6"');
		expect(generationPosts()).toHaveLength(0);
	});

	it('under continueOnFail the refused item is an error item and the others are sent', async () => {
		const good = await finishedVideo('v5');
		const bad = await finishedVideo('v6');
		const run = await session.run(operations.lipsync('={{ $json.id }}'), { items: [{ json: { id: good } }, { json: { id: bad } }], continueOnFail: true });
		const [first, second] = run.output![0];
		expect(first.json.lip_sync).toBe(true);
		expect(second.json.error).toContain('made with model "v6"');
		expect(generationPosts().map((entry) => entry.body!.video_id)).toEqual([good]);
	});
});
