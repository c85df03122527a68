import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_TOKEN } from '../../simulator';
import type { Simulator } from '../../simulator';
import { simulatorSession } from './simulatorSession';

/** Starts a video straight on the simulator (not through the node), for tests about existing videos. */
export async function submitVideo(sim: Simulator, body: Record<string, unknown> = {}): Promise<string> {
	const response = await fetch(`${sim.url}/v2/pixverse/videos/create`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ prompt: 'A lighthouse at dusk', model: 'v6', ...body }),
	});
	const answer = (await response.json()) as { video_id?: string; error?: string };
	if (!answer.video_id) throw new Error(`the simulator refused the video: ${response.status} ${answer.error}`);
	return answer.video_id;
}

/** Waits until the simulator reports the video (or image) as final; the timeout only guards a hang. */
export async function waitUntilFinal(sim: Simulator, videoId: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const jobs = sim.state().jobs as Array<{ video_id?: string; video_status_final?: boolean; image_id?: string; image_status_final?: boolean }>;
		const job = jobs.find((candidate) => candidate.video_id === videoId || candidate.image_id === videoId);
		if (job?.video_status_final || job?.image_status_final) return;
		if (Date.now() > deadline) throw new Error(`video ${videoId} did not finish within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Poll Until Done without downloading: how the tests of operations on an existing video wait. */
export const POLL_WITHOUT_DOWNLOAD: INodeParameters = { waitMode: 'poll', pollInterval: 1, waitTimeout: 1, download: false };

/** The number at the end of a video id, as `original_video_id` carries it. */
export const videoNumber = (videoId: unknown) => Number(/-video:(\d+)$/.exec(String(videoId))![1]);

/** A simulator session for operations on an existing video: its POSTs, and finished source videos. */
export function sourceVideoSession() {
	const session = simulatorSession();
	return {
		session,
		posts: () => session.apiRequests().filter((entry) => entry.method === 'POST'),
		/** A video finished on the simulator, with the request log cleared after it. */
		async finishedVideo(body: Record<string, unknown> = {}): Promise<string> {
			const videoId = await submitVideo(session.sim, body);
			await waitUntilFinal(session.sim, videoId);
			session.sim.clearLog();
			return videoId;
		},
	};
}
