/**
 * Command line: `npm run simulator -- [flags]` starts the simulator until SIGINT/SIGTERM.
 *   --port 4010  --host 127.0.0.1  --token sim-token (repeatable)
 *   --account email:maxJobs:credits (repeatable)  --render-ms 2000  --off-peak-render-ms 20000
 *   --render-jitter 0.4  --render-seed 1
 *   --pending-get 404|200  --mp4-bytes 262144
 *   --webhook-progress  --webhook-duplicates N  --webhook-drop  --webhook-delay-ms N
 *   --webhook-progress-after-final
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CLI_PORT, startSimulator, type SimulatorAccount, type SimulatorOptions } from './index';

function number(flag: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const parsed = Number(value);
	if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${flag} must be a non-negative number, got ${value}`);
	return parsed;
}

function account(spec: string): SimulatorAccount {
	const [email, maxJobs = '8', credits = '100000'] = spec.split(':');
	if (!email.includes('@')) throw new Error(`--account must be email[:maxJobs[:credits]], got ${spec}`);
	return { email, maxJobs: Number(maxJobs), credits: Number(credits) };
}

export function optionsFromArgs(args: string[]): SimulatorOptions {
	const { values } = parseArgs({
		args,
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			token: { type: 'string', multiple: true },
			account: { type: 'string', multiple: true },
			'render-ms': { type: 'string' },
			'off-peak-render-ms': { type: 'string' },
			'render-jitter': { type: 'string' },
			'render-seed': { type: 'string' },
			'pending-get': { type: 'string' },
			'mp4-bytes': { type: 'string' },
			'webhook-progress': { type: 'boolean' },
			'webhook-duplicates': { type: 'string' },
			'webhook-drop': { type: 'boolean' },
			'webhook-delay-ms': { type: 'string' },
			'webhook-progress-after-final': { type: 'boolean' },
		},
	});
	const pendingGet = values['pending-get'];
	if (pendingGet !== undefined && pendingGet !== '404' && pendingGet !== '200') {
		throw new Error(`--pending-get must be 404 or 200, got ${pendingGet}`);
	}
	return {
		port: number('port', values.port) ?? DEFAULT_CLI_PORT,
		host: values.host,
		tokens: values.token,
		accounts: values.account?.map(account),
		renderMs: number('render-ms', values['render-ms']),
		offPeakRenderMs: number('off-peak-render-ms', values['off-peak-render-ms']),
		renderJitter: number('render-jitter', values['render-jitter']),
		renderSeed: number('render-seed', values['render-seed']),
		pendingGet,
		mp4Bytes: number('mp4-bytes', values['mp4-bytes']),
		webhook: {
			progress: values['webhook-progress'],
			duplicates: number('webhook-duplicates', values['webhook-duplicates']),
			drop: values['webhook-drop'],
			delayMs: number('webhook-delay-ms', values['webhook-delay-ms']),
			progressAfterFinal: values['webhook-progress-after-final'],
		},
	};
}

async function main(): Promise<void> {
	const options = optionsFromArgs(process.argv.slice(2));
	const simulator = await startSimulator(options);
	const state = simulator.state() as { options: { tokens: string[]; accounts: SimulatorAccount[] } };
	console.log(`PixVerse simulator listening on ${simulator.url}`);
	console.log(`  API base URL: ${simulator.url}  (requests go to ${simulator.url}/v2/pixverse/...)`);
	console.log(`  API token:    ${state.options.tokens.join(', ')}`);
	console.log(`  Accounts:     ${state.options.accounts.map((a) => `${a.email} (maxJobs ${a.maxJobs}, ${a.credits} credits)`).join(', ')}`);
	console.log(`  Control API:  ${simulator.url}/__sim/state`);
	const stop = () => {
		void simulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
