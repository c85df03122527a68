import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GenerationEndpoint } from '../../../core/api/videos';
import type { ModelOperation } from '../../../core/models';
import type { SettingProblem, VideoSettings } from '../../../core/models/validate';
import { checkVideoSettings } from '../../../core/models/validate';
import { accountField } from './commonFields';
import { callbackBody, callbackOptionsField, callbackProblems, readCallbackOptions } from './callbackOptions';
import type { FileInput } from './fileInput';
import { waitFields } from './waitFields';
import { generationReference } from '../../generation/lostAnswer';

/** Everything a generation POST needs, known before any request is sent. */
export interface PreparedGeneration {
	endpoint: GenerationEndpoint;
	body: IDataObject;
	/** Files to upload (or already uploaded paths) whose paths go into these body fields. */
	files: FileInput[];
}

export function rejectProblems(context: IExecuteFunctions, itemIndex: number, problems: SettingProblem[]): void {
	if (!problems.length) return;
	const [first] = problems;
	throw new NodeOperationError(context.getNode(), first.message, {
		itemIndex,
		description: `${problems.map((problem) => `• ${problem.message} (parameter "${problem.field}", value ${JSON.stringify(problem.value)})`).join('\n')}\nNothing was sent to PixVerse and no credits were used.`,
	});
}

/** Validates the model settings, then returns the API fields they become. */
export function modelBody(context: IExecuteFunctions, itemIndex: number, operation: ModelOperation, settings: VideoSettings): IDataObject {
	rejectProblems(context, itemIndex, checkVideoSettings(operation, settings));
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

/** Fields every generating operation ends with: the account, how to wait and download, then options. */
export function generationOptions(): INodeProperties[] {
	return [accountField, ...waitFields(), callbackOptionsField];
}

/**
 * Adds the item's callback options (replyUrl, replyRef) to a prepared request, checked first.
 * Every generation carries a reference: the user's replyRef, else a unique one, by which its job
 * is found when the answer to the POST is lost.
 */
export function withCallbackOptions(context: IExecuteFunctions, itemIndex: number, prepared: PreparedGeneration): PreparedGeneration {
	const callback = readCallbackOptions(context, itemIndex);
	rejectProblems(context, itemIndex, callbackProblems(callback));
	callback.replyRef ??= generationReference(context, itemIndex);
	return { ...prepared, body: { ...prepared.body, ...callbackBody(callback) } };
}
