import { findModel, modelsFor } from './index';
import type { SettingProblem } from './validate';

/** Operations on an earlier video whose documented model matrix limits the source video's model. */
export type SourceOperation = 'extend' | 'upscale' | 'lipsync';

const LABEL: Record<SourceOperation, string> = { extend: 'Extend', upscale: 'Upscale', lipsync: 'Lip Sync' };

/**
 * Source models the docs leave open, so they are not refused: "?" in the matrix (PixVerse C1) and
 * legacy models the 2026 matrix does not cover (V4 was the lip-sync model of the 2025 page).
 */
const UNSETTLED: Record<SourceOperation, string[]> = {
	extend: ['pixverse-c1', 'v4', 'v4.5'],
	upscale: ['pixverse-c1', 'v4', 'v4.5'],
	lipsync: ['v4', 'v4.5'],
};

/**
 * A problem when the model matrix says the operation refuses videos of the source's model; none
 * when it allows them, leaves them open, or the model is not one the table knows.
 */
export function checkSourceModel(operation: SourceOperation, field: { name: string; displayName: string }, videoId: string, sourceModel: unknown): SettingProblem | undefined {
	if (typeof sourceModel !== 'string') return undefined;
	const model = findModel(sourceModel);
	if (!model || model.operations.includes(operation) || UNSETTLED[operation].includes(model.id)) return undefined;
	const allowed = modelsFor(operation).map((candidate) => `"${candidate.id}"`).join(', ');
	return {
		field: field.name,
		value: videoId,
		message: `The video in "${field.displayName}" was made with model "${model.id}" (${model.label}); ${LABEL[operation]} takes only videos of ${allowed}`,
	};
}
