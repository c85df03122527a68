import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchEffects } from '../../core/api/catalogs';
import { describeEffect } from '../catalogs/effects';
import { effectCost } from '../../core/models/creditEstimate';

/** The effect picker: templates whose name contains the typed text, each described in one line. */
export async function searchEffects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const email = String(this.getCurrentNodeParameter('account') ?? '').trim() || undefined;
	const search = filter?.trim().toLowerCase();
	const effects = (await fetchEffects(this, email)).filter((effect) => !search || effect.display_name.toLowerCase().includes(search));
	return {
		results: effects.map((effect) => {
			const preview = effect.thumbnail_video_path ?? effect.thumbnail_path;
			return {
				name: effect.display_name,
				value: String(effect.template_id),
				description: describeEffect(effect, effectCost(effect)),
				url: typeof preview === 'string' && /^https?:\/\//.test(preview) ? preview : undefined,
			};
		}),
	};
}
