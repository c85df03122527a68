import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CALLBACK_PATH } from '../../nodes/core/callbackSecret';
import { PixVerseTrigger } from '../../nodes/PixVerseTrigger/PixVerseTrigger.node';
import type { Simulator } from '../../simulator';
import { call, waitFor } from '../unit/simulator/helpers';
import { prepareTrigger, type TriggerHarness, type TriggerHarnessOptions, type WebhookResult } from './harness';
import { TOKEN } from './simulatorSession';

export function prepareSimulatorTrigger(sim: Simulator, parameters: INodeParameters, extra: Partial<TriggerHarnessOptions> = {}): Promise<TriggerHarness> {
	return prepareTrigger({
		node: new PixVerseTrigger(),
		parameters,
		credentials: { useApiApi: { apiToken: TOKEN, baseUrl: sim.url } },
		...extra,
	});
}

export interface Delivery {
	query: IDataObject;
	body: IDataObject;
	result: WebhookResult;
}

/**
 * Stands in for n8n's webhook server: a local HTTP server whose path ends like a PixVerse
 * Trigger's URL, handing each request to the trigger's webhook() and answering as n8n would.
 */
export async function callbackReceiver(trigger: () => TriggerHarness) {
	const deliveries: Delivery[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const query = Object.fromEntries(url.searchParams) as IDataObject;
			const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as IDataObject;
			void trigger()
				.webhook({ body, query })
				.then((result) => {
					deliveries.push({ query, body, result });
					res.writeHead(result.status ?? (result.error ? 500 : 200), { 'Content-Type': 'application/json' }).end(JSON.stringify(result.sent ?? result.result?.webhookResponse ?? {}));
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/8c1f6a2e-4b7d-4e59-9a31-5d2c7e0f9b14/${CALLBACK_PATH}`,
		deliveries,
		/** Items of every delivery that started the workflow. */
		emitted: () => deliveries.flatMap((delivery) => delivery.result.result?.workflowData?.[0] ?? []),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** POST /videos/create straight to the simulator (not through the node); returns the video id. */
export async function submitVideo(sim: Simulator, body: IDataObject = {}): Promise<string> {
	const response = await call(sim, 'POST', '/v2/pixverse/videos/create', { prompt: 'A lighthouse at dusk', ...body });
	if (response.status !== 200) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
	return response.body.video_id as string;
}

/** Waits until every given video is final on the simulator. */
export async function videosFinished(sim: Simulator, ids: string[], timeoutMs = 10_000): Promise<void> {
	await waitFor(() => {
		const jobs = (sim.state() as { jobs: Array<{ video_id: string; video_status_final: boolean }> }).jobs;
		return ids.every((id) => jobs.find((job) => job.video_id === id)?.video_status_final);
	}, timeoutMs);
}
