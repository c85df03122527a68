import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PolledVideo } from './pollVideos';
import { checkVideosOnce } from './pollVideos';

/**
 * Checks the videos still pending every `intervalMs` until none is, or marks those left
 * `timedOut` at the deadline. The user's Stop ends the wait at once.
 */
export async function pollUntilFinal(context: IExecuteFunctions, videos: Map<string, PolledVideo>, { intervalMs, deadline }: { intervalMs: number; deadline: Date }): Promise<void> {
	const signal = context.getExecutionCancelSignal();
	const pending = () => [...videos].filter(([, video]) => video.outcome === 'pending').map(([videoId]) => videoId);
	await checkVideosOnce(context, videos, pending(), signal);
	while (pending().length) {
		const remaining = deadline.getTime() - Date.now();
		if (remaining <= 0) {
			for (const videoId of pending()) videos.get(videoId)!.timedOut = true;
			return;
		}
		await sleep(Math.min(intervalMs, remaining), signal);
		await checkVideosOnce(context, videos, pending(), signal);
	}
}
