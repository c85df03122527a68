import { DEFAULT_TOKEN } from '../../simulator';
import type { Simulator } from '../../simulator';

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

/** Waits until the simulator reports the video as final. */
export async function waitUntilFinal(sim: Simulator, videoId: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const jobs = sim.state().jobs as Array<{ video_id: string; video_status_final: boolean }>;
		if (jobs.find((job) => job.video_id === videoId)?.video_status_final) return;
		if (Date.now() > deadline) throw new Error(`video ${videoId} did not finish within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
