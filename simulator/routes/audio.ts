import { accountForListing } from '../admission';
import { audioRecord } from '../audioRecord';
import type { Router } from '../http/router';
import { ApiError, json } from '../http/reply';
import type { GenerationRequest } from '../validation/common';
import { validateMusicCreate } from '../validation/music';
import { validateSpeechCreate } from '../validation/speech';
import type { World } from '../world';
import { readPaging } from './paging';

const API = '/v2/pixverse';

interface AudioResource {
	kind: 'speech' | 'music';
	label: string;
	validate(body: Record<string, unknown>, world: World): GenerationRequest;
	/** Kinds GET /<kind> lists: useapi's music list returns every audio asset, speech included. */
	listed: Array<'speech' | 'music'>;
}

const RESOURCES: AudioResource[] = [
	{ kind: 'speech', label: 'Speech', validate: (body) => validateSpeechCreate(body), listed: ['speech'] },
	{ kind: 'music', label: 'Music', validate: (body, world) => validateMusicCreate(body, world.uploads), listed: ['speech', 'music'] },
];

/**
 * POST /speech/create and /music/create (→ `{audio_id}`), the lists GET /speech and GET /music (speech included)
 * (`{data, next_offset, has_more}`), and GET /speech|music/{audio_id}, which answers 200 with the
 * current status while the audio renders.
 */
export function registerAudioRoutes(router: Router, world: World): void {
	for (const { kind, label, validate, listed } of RESOURCES) {
		const pattern = new RegExp(`^user:\\d+-pixverse:.+-${kind}:\\d+$`);

		router.add('POST', `${API}/${kind}/create`, async (ctx) => {
			const job = world.submit(validate(await ctx.form(), world));
			return json(200, { audio_id: job.id, cost_credits: job.cost });
		});

		router.add('GET', `${API}/${kind}`, (ctx) => {
			const account = accountForListing(world.accounts, ctx.query.get('email'));
			const { limit, offset } = readPaging(ctx, 50);
			const all = world.jobs.forAccount(account.email).filter((job) => listed.includes(job.kind as 'speech' | 'music'));
			const data = all.slice(offset, offset + limit).map((job) => audioRecord(job, world.baseUrl));
			return json(200, { data, next_offset: offset + limit, has_more: offset + limit < all.length });
		});

		router.add('GET', `${API}/${kind}/:audio_id`, (ctx) => {
			const id = ctx.params.audio_id;
			if (!pattern.test(id)) throw new ApiError(400, `Invalid audio_id ${id}: expected user:<id>-pixverse:<email>-${kind}:<number>`);
			const job = world.jobs.get(id);
			if (!job || job.kind !== kind) throw new ApiError(404, `${label} ${id} not found`);
			return json(200, audioRecord(job, world.baseUrl));
		});
	}
}
