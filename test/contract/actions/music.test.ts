/** Music → Create, Get and Get Many in n8n-core's real execute() context against the simulator. */
import type { INodeExecutionData } from 'n8n-workflow';

import { simulatorSession } from '../simulatorSession';
import { musicCreate, speechCreate } from '../simulatorMedia';

const rows = (...texts: string[]): INodeExecutionData[] => texts.map((text) => ({ json: { text } }));

describe('Music', () => {
	const session = simulatorSession();
	const posts = (path: string) => session.apiRequests().filter((entry) => entry.method === 'POST' && entry.path === `/v2/pixverse/${path}`);
	const jobs = () => session.sim.state().jobs as Array<{ video_id?: string; image_id?: string; audio_id?: string; cost: number }>;
	const made = async (parameters: Parameters<typeof session.run>[0], idField: string) => {
		const run = await session.run(parameters);
		expect(run.error).toBeUndefined();
		return String(run.output![0][0].json[idField]);
	};

	it('makes music, and charges the credits the answer gives', async () => {
		const run = await session.run(musicCreate());
		expect(run.error).toBeUndefined();
		expect(posts('music/create').map((entry) => entry.body)).toEqual([expect.objectContaining({ prompt: 'Calm ambient piano with soft rain', model: 'music-2.6', instrumental: true })]);
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ audio_id: expect.stringMatching(/-music:\d+$/), result_type: 'music', video_status_name: 'COMPLETED', cost_credits: jobs()[0].cost });
		expect(item.binary!.data.fileName).toMatch(/^pixverse-music-\d+\.wav$/);
	});

	it('a Credit Budget counts music at its published price: the third track of 40 credits does not fit in 100', async () => {
		const run = await session.run(musicCreate({ prompt: '={{ $json.text }}', download: false, options: { creditBudget: 100 } }), { items: rows('a', 'b', 'c'), continueOnFail: true });
		expect(posts('music/create')).toHaveLength(2);
		const [, , third] = run.output![0];
		expect(String(third.json.error)).toMatch(/credit budget/i);
	});

	it('Get Many of music leaves out the speech clips the music list also holds; Get Many of speech lists speech', async () => {
		const speechId = await made(speechCreate({ download: false }), 'audio_id');
		const musicId = await made(musicCreate({ download: false }), 'audio_id');
		const music = (await session.run({ resource: 'music', operation: 'list', returnAll: true })).output![0];
		const speech = (await session.run({ resource: 'speech', operation: 'list', returnAll: true })).output![0];
		expect(music.map((item) => item.json.audio_id)).toEqual([musicId]);
		expect(speech.map((item) => item.json.audio_id)).toEqual([speechId]);
	});

	it('Estimate Credits prices a track per model and sends nothing', async () => {
		const run = await session.run({ resource: 'music', operation: 'estimateCredits', model: 'music-v1' });
		expect(run.output![0][0].json).toMatchObject({ estimate_for: 'music', model: 'music-v1', credits: 150, known: true, budget_credits: 150 });
		expect(session.apiRequests()).toHaveLength(0);
	});
});
