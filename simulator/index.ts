import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackRecord } from './callbacks';
import type { Fault } from './faults';
import type { LogEntry } from './log';
import type { ResolvedOptions, SimulatorOptions } from './options';
import { RequestHandler } from './server';
import { World } from './world';

export type { CallbackRecord } from './callbacks';
export type { Fault, FaultKind } from './faults';
export type { LogEntry } from './log';
export { DEFAULT_CLI_PORT, DEFAULT_TOKEN } from './options';
export type { ModerationMarkers, ResolvedOptions, SimulatorAccount, SimulatorOptions, WebhookOptions } from './options';

export interface Simulator {
	/** http://127.0.0.1:<port>; the API is under `${url}/v2/pixverse`. */
	url: string;
	port: number;
	/** Ends open connections, timers and webhook deliveries, then stops listening. */
	close(): Promise<void>;
	/** Request log (API and media requests; not /__sim/). */
	log(): LogEntry[];
	clearLog(): void;
	/** Changes options for what happens next; `accounts` replaces the account list at once. */
	configure(patch: SimulatorOptions): ResolvedOptions;
	addFault(fault: Fault): void;
	clearFaults(): void;
	/** Back to the initial state (options replaced when given); video numbers keep counting. */
	reset(options?: SimulatorOptions): void;
	/** Webhook deliveries made (or dropped) so far. */
	callbacks(): CallbackRecord[];
	/** Deliveries kept by `webhook.hold`, not sent yet. */
	heldCallbacks(): number;
	/** Sends the deliveries kept by `webhook.hold`; returns how many. */
	releaseCallbacks(): number;
	/** Options, accounts with their credits and running jobs, every job's record, faults. */
	state(): Record<string, unknown>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const world = new World(options);
	const handler = new RequestHandler(world);
	// A request that fails past the point of answering only loses its connection, never the server.
	const server = createServer((req, res) => void handler.handle(req, res).catch(() => res.destroy()));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(world.options.port, world.options.host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${world.options.host}:${port}`;
	world.baseUrl = url;

	return {
		url,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				world.close();
				handler.close();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
		log: () => world.log.list(),
		clearLog: () => world.log.clear(),
		configure: (patch) => world.configure(patch),
		addFault: (fault) => world.faults.add(fault),
		clearFaults: () => world.faults.clear(),
		reset: (next) => world.reset(next),
		callbacks: () => world.webhooks.list(),
		heldCallbacks: () => world.webhooks.heldCount(),
		releaseCallbacks: () => world.webhooks.release(),
		state: () => world.state(),
	};
}
