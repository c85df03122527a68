/** Speech → Create, Get and Get Many in n8n-core's real execute() context against the simulator. */
import type { INodeExecutionData } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { loadOptions } from '../harness';
import { simulatorSession, TOKEN } from '../simulatorSession';
import { speechCreate } from '../simulatorMedia';

const rows = (...texts: string[]): INodeExecutionData[] => texts.map((text) => ({ json: { text } }));

describe('Speech', () => {
	const session = simulatorSession();
	const posts = (path: string) => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path === `/v2/pixverse/${path}`);
	const jobs = () => session.sim.state().jobs as Array<{ video_id?: string; image_id?: string; audio_id?: string; cost: number }>;

	it('makes speech and puts out the audio file with its type and name; the text goes as text, the voice as voice_id', async () => {
		const run = await session.run(speechCreate({ voiceSettings: { speed: 1.2, emotion: 'calm' } }));
		expect(run.error).toBeUndefined();
		expect(posts('speech/create').map((entry) => entry.body)).toEqual([
			expect.objectContaining({ text: 'Welcome to the lighthouse. Mind the stairs.', voice_id: 'minimax_english_radiant_girl', model: 'speech-2.8-hd', speed: 1.2, emotion: 'calm' }),
		]);
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ audio_id: expect.stringMatching(/-speech:\d+$/), result_type: 'speech', video_status_name: 'COMPLETED' });
		const number = /-speech:(\d+)$/.exec(String(item.json.audio_id))![1];
		expect(item.binary!.data).toMatchObject({ mimeType: 'audio/wav', fileName: `pixverse-speech-${number}.wav` });
		expect((await run.readBinary(item, 'data')).subarray(0, 4).toString('latin1')).toBe('RIFF');
	});

	it("Don't Wait puts out the id at once, and Get brings the file later", async () => {
		const submitted = await session.run(speechCreate({ waitMode: 'none' }));
		const [item] = submitted.output![0];
		expect(item.json).toMatchObject({ audio_id: expect.stringMatching(/-speech:\d+$/), video_status_name: 'SUBMITTED' });
		const audioId = String(item.json.audio_id);
		const got = await session.run({ resource: 'speech', operation: 'get', audioId, download: true });
		// The render takes a moment: read again until final (the node reads once per run).
		let record = got.output![0][0];
		for (let attempt = 0; record.json.video_status_name !== 'COMPLETED' && attempt < 50; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			record = (await session.run({ resource: 'speech', operation: 'get', audioId, download: true })).output![0][0];
		}
		expect(record.json).toMatchObject({ audio_id: audioId, video_status_name: 'COMPLETED' });
		expect(record.binary!.data.mimeType).toBe('audio/wav');
	});

	it('a batch of speech on an account with 2 slots: every item gets its clip, waiting for a slot costs nothing', async () => {
		await session.sim.reset({ renderMs: 300, accounts: [{ email: 'demo@example.com', maxJobs: 2, credits: 100_000 }] });
		const run = await session.run(speechCreate({ text: '={{ $json.text }}', download: false }), { items: rows('one', 'two', 'three', 'four', 'five') });
		expect(run.error).toBeUndefined();
		const output = run.output![0];
		expect(output.map((item) => item.json.prompt ?? item.json.text)).toEqual(['one', 'two', 'three', 'four', 'five']);
		expect(output.every((item) => item.json.video_status_name === 'COMPLETED')).toBe(true);
		expect(new Set(output.map((item) => item.json.audio_id)).size).toBe(5);
		expect(posts('speech/create').filter((entry) => entry.status === 200)).toHaveLength(5);
	});

	it('refuses, before any request, a setting the model does not take (a model from an expression shows every setting) or a value out of its range', async () => {
		const run = await session.run(speechCreate({ model: '={{ $json.model }}', voiceSettings: { volume: 5 } }), {
			items: [{ json: { model: 'eleven-v3' } }, { json: { model: 'speech-2.8-hd' } }],
			continueOnFail: true,
		});
		const outOfRange = await session.run(speechCreate({ model: 'eleven-turbo-v2.5', voiceSettings: { speed: 1.5 } }), { continueOnFail: true });
		expect(session.apiRequests().filter((entry) => entry.method === 'POST')).toHaveLength(1);
		expect(run.output![0][0].json).toMatchObject({
			error: 'Volume is not available on model "eleven-v3"; it works only with "speech-2.8-hd", "speech-2.8-turbo"',
			error_description: expect.stringContaining('Set by parameter "volume", value 5.'),
		});
		expect(run.output![0][1].json).toMatchObject({ audio_id: expect.stringMatching(/-speech:\d+$/), video_status_name: 'COMPLETED' });
		expect(outOfRange.output![0][0].json.error).toBe('Speed 1.5 is out of range for model "eleven-turbo-v2.5"; allowed: a number from 0.7 to 1.2');
		expect(String(outOfRange.output![0][0].json.error_description)).toContain('Nothing was sent to PixVerse');
	});

	it('a lost answer to /speech/create is not sent again: the clip is found in GET /speech by its reference', async () => {
		session.sim.addFault({ method: 'POST', path: 'speech/create', kind: 'reset', phase: 'after' });
		session.sim.addFault({ method: 'GET', path: '/scheduler$/', kind: 'status', status: 200, body: [] });
		const run = await session.run(speechCreate({ download: false }));
		expect(run.error).toBeUndefined();
		expect(posts('speech/create')).toHaveLength(1);
		const lookups = session.apiRequests().filter((entry) => entry.method === 'GET' && /\/v2\/pixverse\/(scheduler|speech)(\?|$)/.test(entry.path)).map((entry) => entry.path.split('?')[0]);
		expect(lookups).toEqual(['/v2/pixverse/scheduler', '/v2/pixverse/speech']);
		expect(run.output![0][0].json).toMatchObject({ audio_id: jobs()[0].audio_id, video_status_name: 'COMPLETED' });
	});

	it('Get Many Voices lists the voices of the model\'s provider, narrowed to a language', async () => {
		const minimax = (await session.run({ resource: 'speech', operation: 'listVoices', model: 'speech-2.8-turbo', returnAll: true })).output![0];
		const eleven = (await session.run({ resource: 'speech', operation: 'listVoices', model: 'eleven-v3', language: 'fr', returnAll: true })).output![0];
		expect(minimax.map((item) => item.json.voice_id)).toEqual(['minimax_english_radiant_girl', 'minimax_english_deep_narrator', 'minimax_german_calm_host']);
		expect(eleven.map((item) => item.json.voice_id)).toEqual(['eleven_sarah']);
		const queries = session.apiRequests().filter((entry) => entry.path.startsWith('/v2/pixverse/speech/voices')).map((entry) => new URL(entry.path, 'http://x').searchParams);
		expect(queries.map((query) => [query.get('model'), query.get('language')])).toEqual([
			['speech-2.8-turbo', null],
			['eleven-v3', 'fr'],
		]);
	});

	it('the Voice dropdown of Create offers the voices of the chosen model', async () => {
		const credentials = { useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } };
		const options = await loadOptions(new PixVerse(), 'getSpeechVoices', { parameters: { resource: 'speech', operation: 'create', model: 'eleven-multilingual-v2' }, credentials });
		expect(options.map((option) => option.value)).toEqual(['eleven_roger', 'eleven_sarah']);
		expect(options[0]).toMatchObject({ name: 'Roger', description: 'elevenlabs · male' });
	});

	it('Estimate Credits prices speech by its length, one credit per so many characters, and sends nothing', async () => {
		const run = await session.run({ resource: 'speech', operation: 'estimateCredits', model: 'speech-2.8-hd', text: 'x'.repeat(120) });
		expect(run.output![0][0].json).toEqual({ estimate_for: 'speech', model: 'speech-2.8-hd', characters: 120, credits: 3, known: true, basis: expect.stringContaining('120 characters at 1 credit per 50'), budget_credits: 3 });
		expect(session.apiRequests()).toHaveLength(0);
	});
});
