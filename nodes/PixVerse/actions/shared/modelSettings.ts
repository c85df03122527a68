import type { IExecuteFunctions } from 'n8n-workflow';

import { capabilityFor, findModel } from '../../../core/models';
import type { ModelOperation } from '../../../core/models';
import type { ModelField } from '../../../core/models/formFields';
import type { VideoSettings } from '../../../core/models/validate';

/** A parameter the chosen model may not show; n8n treats an `undefined` fallback as none, hence null. */
function optional<T>(context: IExecuteFunctions, name: string, itemIndex: number): T | undefined {
	return (context.getNodeParameter(name, itemIndex, null) as T | null) ?? undefined;
}

/**
 * Reads the model and the model-dependent fields an endpoint's form has (those `modelFields`
 * built with the same `include`), filling the endpoint's defaults, for `modelBody` to check.
 */
export function readModelSettings(context: IExecuteFunctions, itemIndex: number, operation: ModelOperation, include: ModelField[]): VideoSettings {
	const modelId = context.getNodeParameter('model', itemIndex) as string;
	const row = findModel(modelId);
	const model = row ? capabilityFor(row, operation) : undefined;
	const has = (field: ModelField) => include.includes(field);
	const seed = has('seed') ? optional<number>(context, 'seed', itemIndex) : undefined;
	const audio = has('audio') ? optional<boolean>(context, 'audio', itemIndex) : undefined;
	return {
		model: modelId,
		hasImage: false,
		quality: has('quality') ? (optional<string>(context, 'quality', itemIndex) ?? model?.defaultQuality) : undefined,
		duration: has('duration') ? (optional<number>(context, 'duration', itemIndex) ?? model?.defaultDuration) : undefined,
		aspectRatio: has('aspectRatio') ? optional<string>(context, 'aspectRatio', itemIndex) : undefined,
		// Only a toggle model takes `audio`; an explicit "on" elsewhere is reported, "off" is not sent.
		audio: has('audio') ? (model?.audio === 'toggle' ? (audio ?? false) : audio || undefined) : undefined,
		multiShot: has('multiShot') ? optional<boolean>(context, 'multiShot', itemIndex) : undefined,
		previewMode: has('previewMode') ? optional<boolean>(context, 'previewMode', itemIndex) : undefined,
		offPeakMode: has('offPeakMode') ? optional<boolean>(context, 'offPeakMode', itemIndex) : undefined,
		seed: seed ? seed : undefined,
	};
}
