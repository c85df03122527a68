import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { loadOptions } from '../harness';
import { simulatorSession, TOKEN } from '../simulatorSession';

const TWO_ACCOUNTS = [
	{ email: 'a@example.com', maxJobs: 2, credits: 1000 },
	{ email: 'b@example.com', maxJobs: 2, credits: 1000 },
];

describe('Voices and restyle presets: pickers and lists, against the simulator', () => {
	const session = simulatorSession();
	const credentials = () => ({ useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } });
	const catalogRequests = () => session.apiRequests().map((entry) => `${entry.method} ${entry.path}`);

	it('offers the voices for Lip Sync, named, with their speaker_id as the value', async () => {
		const options = await loadOptions(new PixVerse(), 'getVoices', {
			parameters: { resource: 'video', operation: 'lipsync', audioSource: 'tts' },
			credentials: credentials(),
		});
		expect(options.map((option) => option.value)).toEqual(['Auto', '1', '2', '3', '4']);
		expect(options[1]).toMatchObject({ name: 'Emily', description: 'en · female' });
	});

	it('reads a picker from the account chosen in the node, or the first account when several exist', async () => {
		await session.sim.reset({ accounts: TWO_ACCOUNTS });
		await loadOptions(new PixVerse(), 'getVoices', {
			parameters: { resource: 'video', operation: 'lipsync', account: 'b@example.com' },
			credentials: credentials(),
		});
		await loadOptions(new PixVerse(), 'getRestyles', { parameters: { resource: 'video', operation: 'restyle' }, credentials: credentials() });
		expect(catalogRequests()).toEqual([
			'GET /v2/pixverse/videos/voices?email=b%40example.com',
			'GET /v2/pixverse/accounts',
			'GET /v2/pixverse/videos/restyles?email=a%40example.com',
		]);
	});

	it('lists voices as items, up to the limit or all of them', async () => {
		const limited = await session.run({ resource: 'voice', operation: 'list', account: '', returnAll: false, limit: 2 });
		expect(limited.output![0].map((item) => item.json.speaker_id)).toEqual(['Auto', '1']);
		expect(limited.output![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const all = await session.run({ resource: 'voice', operation: 'list', account: '', returnAll: true });
		expect(all.output![0]).toHaveLength(5);
		expect(all.output![0][4].json).toEqual({ speaker_id: '4', name: 'Kenji', gender: 'male', language: 'ja' });
	});

	it('reads a {tts_list: [...]} answer, in the list and in the Lip Sync dropdown', async () => {
		const body = { tts_list: [{ speaker_id: 'v1', name: 'Nova' }, { speaker_id: 'v2', name: 'Orion' }] };
		session.sim.addFault({ method: 'GET', path: '/videos/voices', kind: 'status', status: 200, body, times: 2 });
		const run = await session.run({ resource: 'voice', operation: 'list', returnAll: true });
		expect(run.output![0].map((item) => [item.json.speaker_id, item.json.name])).toEqual([['v1', 'Nova'], ['v2', 'Orion']]);
		const options = await loadOptions(new PixVerse(), 'getVoices', { parameters: { resource: 'video', operation: 'lipsync' }, credentials: credentials() });
		expect(options.map((option) => option.value)).toEqual(['v1', 'v2']);
	});

	it('reports an answer without a list of voices as an error naming the endpoint, never as no voices', async () => {
		session.sim.addFault({ method: 'GET', path: '/videos/voices', kind: 'status', status: 200, body: { voices_v2: 'soon' }, times: 2 });
		const run = await session.run({ resource: 'voice', operation: 'list', returnAll: true });
		expect(run.error?.message).toBe('useapi.net answered GET /videos/voices with something this node cannot read');
		await expect(loadOptions(new PixVerse(), 'getVoices', { parameters: { resource: 'video', operation: 'lipsync' }, credentials: credentials() })).rejects.toThrow('GET /videos/voices');
	});
});
