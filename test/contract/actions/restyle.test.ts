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

	it('offers the restyle presets, after "None", with their restyle_id as the value', async () => {
		const options = await loadOptions(new PixVerse(), 'getRestyles', {
			parameters: { resource: 'video', operation: 'restyle' },
			credentials: credentials(),
		});
		expect(options.map((option) => option.value)).toEqual(['', 1001, 1002, 1003, 1004]);
		expect(options[1]).toMatchObject({ name: 'Anime', description: 'anime style' });
	});

	it('lists restyle presets of the chosen account', async () => {
		await session.sim.reset({ accounts: TWO_ACCOUNTS });
		const run = await session.run({ resource: 'restyle', operation: 'list', account: 'a@example.com', returnAll: true });
		expect(run.output![0].map((item) => item.json.restyle_id)).toEqual([1001, 1002, 1003, 1004]);
		expect(catalogRequests()).toEqual(['GET /v2/pixverse/videos/restyles?email=a%40example.com']);
	});
});
