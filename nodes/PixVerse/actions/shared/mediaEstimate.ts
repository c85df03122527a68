import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { MediaKind } from '../../../core/api/mediaKinds';
import { MEDIA_KINDS, withArticle } from '../../../core/api/mediaKinds';
import type { MediaSettings } from '../../../core/media/mediaChecks';
import type { CreditEstimate } from '../../../core/models/creditEstimate';
import type { GenerationCharge } from '../../../core/models/generationCharge';
import type { SettingProblem } from '../../../core/models/validate';
import type { OperationDefinition } from '../operation';
import { videoItem } from '../outputItems';
import { rejectProblems } from './generation';
import { readMediaSettings } from './mediaSettings';

interface MediaPricing {
	/** The form fields the price depends on, as Create shows them. */
	fields: INodeProperties[];
	/** Form parameter → request field, for the fields above. */
	settings: Record<string, string>;
	check: (settings: MediaSettings) => SettingProblem[];
	estimate: (settings: IDataObject) => CreditEstimate;
	charge: (settings: IDataObject) => GenerationCharge;
}

/**
 * Estimate Credits of an image, speech or music Create, from published prices: nothing is sent.
 * The settings are checked as Create checks them (only the fields priced here); `budget_credits`
 * is what a Credit Budget counts (null: a budget cannot hold it).
 */
export function mediaEstimateOperation(kind: MediaKind, pricing: MediaPricing): OperationDefinition {
	const { noun } = MEDIA_KINDS[kind];
	const priced = new Set(Object.keys(pricing.settings));
	const execute = async (context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> => {
		const settings = readMediaSettings(context, itemIndex, pricing.settings);
		rejectProblems(context, itemIndex, pricing.check(settings).filter((problem) => priced.has(problem.field)));
		const estimate = pricing.estimate(settings);
		// The text itself is not repeated, only its length (what speech is priced by).
		const { text, ...echoed } = settings;
		const characters = typeof text === 'string' ? { characters: text.length } : {};
		return videoItem({ estimate_for: kind, ...echoed, ...characters, ...estimate, budget_credits: pricing.charge(settings).credits }, itemIndex);
	};
	return {
		value: 'estimateCredits',
		name: 'Estimate Credits',
		action: `Estimate the credits of ${withArticle(noun)}`,
		description: `Expected credit cost of ${withArticle(noun)} from published prices; nothing is generated`,
		endpoint: 'none (published prices)',
		fields: pricing.fields,
		run: { kind: 'perItem', execute },
	};
}
