import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { capabilityFor, findModel } from '../../../core/models';
import type { ModelDeclaration, ModelField } from '../../../core/models/formFields';
import type { VideoSettings } from '../../../core/models/validate';
import { checkVideoSettings } from '../../../core/models/validate';
import type { GenerationCharge } from '../../../core/models/generationCharge';
import { chargeForVideo } from '../../../core/models/generationCharge';
import { rejectProblems } from './generation';

/** A parameter the chosen model may not show; n8n treats an `undefined` fallback as none, hence null. */
function optional<T>(context: IExecuteFunctions, name: string, itemIndex: number): T | undefined {
	return (context.getNodeParameter(name, itemIndex, null) as T | null) ?? undefined;
}

/**
 * Reads the model and the model-dependent fields the operation declares (those `modelFields`
 * built the form from), filling the endpoint's defaults, for `modelBody` to check. `omit` leaves
 * out fields that do not apply to this request (e.g. the aspect ratio with an input image).
 */
export function readModelSettings(context: IExecuteFunctions, itemIndex: number, declaration: ModelDeclaration, omit: ModelField[] = []): VideoSettings {
	const modelId = context.getNodeParameter('model', itemIndex) as string;
	const row = findModel(modelId);
	const model = row ? capabilityFor(row, declaration.operation) : undefined;
	const has = (field: ModelField) => (declaration.fields ?? []).includes(field) && !omit.includes(field);
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

/** Validates the model settings, then returns the API fields they become. */
export function modelBody(context: IExecuteFunctions, itemIndex: number, declaration: ModelDeclaration, settings: VideoSettings): IDataObject {
	rejectProblems(context, itemIndex, checkVideoSettings(declaration.operation, settings));
	const body: IDataObject = { model: settings.model };
	if (settings.prompt) body.prompt = settings.prompt;
	if (settings.quality) body.quality = settings.quality;
	if (settings.duration !== undefined) body.duration = settings.duration;
	if (settings.aspectRatio && !settings.hasImage) body.aspect_ratio = settings.aspectRatio;
	if (settings.audio !== undefined) body.audio = settings.audio;
	if (settings.multiShot) body.multi_shot = true;
	if (settings.previewMode) body.preview_mode = true;
	if (settings.offPeakMode) body.off_peak_mode = true;
	if (settings.seed) body.seed = settings.seed;
	return body;
}

/** What the video these settings describe counts against a Credit Budget. */
export function videoCharge(declaration: ModelDeclaration, settings: VideoSettings): GenerationCharge {
	const { model, quality = '', duration = 0, audio, previewMode } = settings;
	return chargeForVideo(declaration.operation, { model, quality, duration, audio, previewMode });
}
