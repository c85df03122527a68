import type { INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { startSimulator } from '../../simulator';
import type { Simulator, SimulatorOptions } from '../../simulator';
import { runNode } from './harness';
import type { RunNodeOptions } from './harness';

export const TOKEN = 'sim-token';

/** The reference every generation carries when the user set no replyRef. */
export const GENERATED_REFERENCE = expect.stringMatching(/^n8n-execution-\d+-\w{8}-item-\d+$/);

/** One simulator per test file, reset between tests, and a runner for the PixVerse node against it. */
export function simulatorSession(options: SimulatorOptions = {}) {
	const session = {} as { sim: Simulator };
	beforeAll(async () => {
		session.sim = await startSimulator({ renderMs: 300, ...options });
	});
	beforeEach(async () => {
		await session.sim.reset({ renderMs: 300, ...options });
	});
	afterAll(async () => {
		await session.sim.close();
	});
	return {
		get sim() {
			return session.sim;
		},
		run(parameters: INodeParameters, extra: Partial<RunNodeOptions> = {}) {
			return runNode({
				node: new PixVerse(),
				parameters,
				credentials: { useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } },
				...extra,
			});
		},
		/** Requests the node made, without the simulator's control calls. */
		apiRequests() {
			return session.sim.log().filter((entry) => !entry.path.startsWith('/__sim'));
		},
	};
}

export const textToVideo = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'create',
	prompt: 'A red fox running through snow',
	imageSource: 'none',
	model: 'v6',
	quality: '720p',
	duration: 5,
	aspectRatio: '16:9',
	waitMode: 'poll',
	pollInterval: 1,
	waitTimeout: 1,
	download: true,
	binaryProperty: 'video',
	...extra,
});
