import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import { defaultAccount } from '../transport/defaultAccount';
import { pixverseRequest } from '../transport/request';

/** One template of GET /videos/effects (useapi passes PixVerse's fields through; only these are read). */
export interface Effect extends IDataObject {
	template_id: number | string;
	display_name: string;
	/** "1".."5": how many input images; above "2" the template takes 2 up to that many. */
	effect_type: string;
	/** 1 = video; 2 = a one-second still, answered with `image_id` instead of `video_id`. */
	template_type: number;
	template_model?: string;
	duration?: number;
	/** The closed list of qualities the template accepts; the first is its default. */
	qualities: string[];
	video_base_cost?: number;
	fixed_cost?: number;
}

/** Catalogs already fetched by a running execution (or editor request), by account. */
const fetched = new WeakMap<object, Map<string, Promise<Effect[]>>>();

function readEffect(raw: IDataObject): Effect {
	return {
		...raw,
		template_id: raw.template_id as number | string,
		display_name: typeof raw.display_name === 'string' ? raw.display_name : String(raw.template_id),
		effect_type: raw.effect_type === undefined || raw.effect_type === null || raw.effect_type === '' ? '1' : String(raw.effect_type),
		template_type: Number(raw.template_type ?? 1) || 1,
		qualities: Array.isArray(raw.qualities) ? raw.qualities.map(String) : [],
	};
}

async function requestEffects(context: PixverseContext, email?: string): Promise<Effect[]> {
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path: '/videos/effects',
		qs: email ? { email } : undefined,
		kind: 'repeatable',
		what: 'the effects catalog',
	});
	const items = (response.body as { items?: IDataObject[] } | undefined)?.items;
	return Array.isArray(items) ? items.map(readEffect) : [];
}

/**
 * The effect templates (GET /videos/effects), fetched once per execution and account: every item
 * of a run reads the same catalog. useapi needs `email` when several accounts are configured;
 * templates are PixVerse's own, so without one the first configured account is asked.
 */
export async function fetchEffects(context: PixverseContext, email?: string): Promise<Effect[]> {
	const byAccount = fetched.get(context) ?? new Map<string, Promise<Effect[]>>();
	fetched.set(context, byAccount);
	const key = email ?? '';
	let catalog = byAccount.get(key);
	if (!catalog) {
		catalog = (async () => await requestEffects(context, email ?? (await defaultAccount(context))))();
		byAccount.set(key, catalog);
		// A failed fetch is not kept, so the next item (or the next keystroke) asks again.
		catalog.catch(() => byAccount.delete(key));
	}
	return await catalog;
}

export function findEffect(effects: Effect[], templateId: string | number): Effect | undefined {
	return effects.find((effect) => String(effect.template_id) === String(templateId).trim());
}

/** Credits one run of the template costs: video_base_cost + fixed_cost; undefined when the catalog gives neither. */
export function effectCost(effect: Pick<Effect, 'video_base_cost' | 'fixed_cost'>): number | undefined {
	const base = Number(effect.video_base_cost);
	const fixed = Number(effect.fixed_cost);
	if (!Number.isFinite(base) && !Number.isFinite(fixed)) return undefined;
	return (Number.isFinite(base) ? base : 0) + (Number.isFinite(fixed) ? fixed : 0);
}

/** How many input images a template takes: effect_type N, or 2 to N when N is above 2. */
export function effectImageRange(effect: Pick<Effect, 'effect_type'>): { min: number; max: number } {
	const count = Math.max(1, Number.parseInt(effect.effect_type, 10) || 1);
	return count > 2 ? { min: 2, max: count } : { min: count, max: count };
}

/** Whether the template makes a still image (answered with image_id) rather than a video. */
export const isImageEffect = (effect: Pick<Effect, 'template_type'>): boolean => Number(effect.template_type) === 2;
