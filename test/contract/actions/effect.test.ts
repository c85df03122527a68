import type { INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { listSearch } from '../harness';
import { simulatorSession, TOKEN } from '../simulatorSession';

describe('Effect > List and the effect picker against the simulator', () => {
	const session = simulatorSession();
	const credentials = () => ({ useApiApi: { apiToken: TOKEN, baseUrl: session.sim.url } });
	const list = (extra: INodeParameters = {}) => session.run({ resource: 'effect', operation: 'list', returnAll: true, ...extra });

	it('lists every template with its total credit cost', async () => {
		const run = await list();
		const items = run.output![0];
		expect(items.length).toBe(7);
		const hug = items.find((item) => item.json.template_id === 315002)!;
		expect(hug.json).toMatchObject({ display_name: 'Warm Hug', effect_type: '2', video_base_cost: 30, fixed_cost: 10, total_cost: 40 });
		expect(hug.pairedItem).toEqual({ item: 0 });
	});

	it('filters by name (contains, any case), effect type and result, and honours Limit', async () => {
		const byName = await list({ filters: { name: 'HUG' } });
		expect(byName.output![0].map((item) => item.json.display_name)).toEqual(['Warm Hug']);
		const byType = await list({ filters: { effectType: '1' } });
		expect(byType.output![0].map((item) => item.json.template_id)).toEqual([315001, 315004, 315007]);
		const stills = await list({ filters: { result: 'image' } });
		expect(stills.output![0].map((item) => item.json.template_id)).toEqual([315007]);
		const limited = await list({ returnAll: false, limit: 2 });
		expect(limited.output![0]).toHaveLength(2);
	});

	it('the picker searches by name and describes type, result, duration, qualities and cost', async () => {
		const all = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), parameters: { resource: 'video', operation: 'createFromEffect' } });
		expect(all.results).toHaveLength(7);
		const found = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), filter: 'venom' });
		expect(found.results).toEqual([
			{ name: 'Venom Transformation', value: '315004', description: 'Type 1 (1 image) · video · 8 s · 540p/720p/1080p · 35 credits', url: undefined },
		]);
		const family = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), filter: 'family' });
		expect(family.results[0].description).toBe('Type 5 (2-5 images) · video · 5 s · 360p/540p/720p/1080p · 60 credits');
		const still = await listSearch(new PixVerse(), 'searchEffects', { credentials: credentials(), filter: 'polaroid' });
		expect(still.results[0].description).toContain('still image');
	});

	it('asks for the catalog of the chosen account, or of the first account when several are configured', async () => {
		session.sim.configure({ accounts: [{ email: 'one@example.com', maxJobs: 2, credits: 1000 }, { email: 'two@example.com', maxJobs: 2, credits: 1000 }] });
		await list();
		await list({ account: 'two@example.com' });
		const emails = session.apiRequests()
			.filter((entry) => entry.path.startsWith('/v2/pixverse/videos/effects'))
			.map((entry) => new URL(entry.path, session.sim.url).searchParams.get('email'));
		expect(emails).toEqual(['one@example.com', 'two@example.com']);
	});
});
