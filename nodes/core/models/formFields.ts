import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { modelsFor } from './index';
import type { ModelOperation, OperationCapability } from './schema';
import { formatDurations } from './validate';

type Show = NonNullable<IDisplayOptions['show']>;

/** Models that share a value list (and its default) share one copy of a field. */
export function groupBy<M extends { id: string }, T>(models: M[], key: (model: M) => T): Array<{ value: T; ids: string[] }> {
	const groups = new Map<string, { value: T; ids: string[] }>();
	for (const model of models) {
		const value = key(model);
		const signature = JSON.stringify(value);
		const group = groups.get(signature) ?? { value, ids: [] };
		group.ids.push(model.id);
		groups.set(signature, group);
	}
	return [...groups.values()];
}

/** The limits a model's quality and duration lists do not show, e.g. "1080p: at most 8 s". */
function durationCaps(model: Pick<OperationCapability, 'maxDurationAtQuality'>): string {
	return Object.entries(model.maxDurationAtQuality).map(([quality, seconds]) => `${quality}: at most ${seconds} s`).join('; ');
}

const idsWhere = (models: OperationCapability[], test: (model: OperationCapability) => boolean) =>
	models.filter(test).map((model) => model.id);

/**
 * A hidden stand-in for a field where the form does not show it. n8n drops a value of a field
 * that is not shown before the node runs; with the stand-in shown there instead, the value
 * stays in the node's parameters, so a value set for a hidden field (in workflow JSON written by
 * hand or imported) is refused instead of silently not sent (PixVerse/actions/shared/inputChecks).
 * Its description is why the field does not apply where the stand-in shows, for that message.
 */
function keepHiddenValue(name: string, defaultValue: boolean | number | string, displayOptions: IDisplayOptions, reason: string): INodeProperties {
	return { displayName: name, name, type: 'hidden', default: defaultValue, displayOptions, description: reason };
}

/** Why a model-dependent field does not apply to a model; the message puts the model's name before it. */
export const HIDDEN_REASONS = {
	audioAlways: 'always generates audio with the video, whatever Generate Audio says',
	audioNone: 'has no audio switch',
	unsupported: (label: string) => `does not support ${label}`,
	aspectRatioFromImage: "with an input image the video takes the image's aspect ratio",
};

export type ModelField = 'quality' | 'duration' | 'aspectRatio' | 'audio' | 'multiShot' | 'previewMode' | 'offPeakMode' | 'seed';

/**
 * How an operation uses the capability table, declared once in its file: the form fields, the
 * reading, the validation and the README's tables all come from it.
 */
export interface ModelDeclaration {
	/** The capability table's name for the endpoint: which models it takes, with that endpoint's limits. */
	operation: ModelOperation;
	/** The model dropdown's default. Without one the endpoint decides the model: no dropdown. */
	defaultModel?: string;
	/** The model-dependent fields the form has and the request sends. */
	fields?: ModelField[];
	/** Show Aspect Ratio only when this extra condition holds (e.g. no input image). */
	aspectRatioShow?: Show;
}

/** The model dropdown's line for a model: its qualities and durations, with the limits between them. */
function summary(model: OperationCapability): string {
	const caps = durationCaps(model);
	return `${model.qualities.join(', ')}; ${formatDurations(model.durations)}${caps ? ` (${caps})` : ''}${model.requiresImage ? '; needs an input image' : ''}`;
}

/**
 * The model dropdown and every model-dependent field of an operation, built from the capability
 * table: each model sees only its own qualities, durations, aspect ratios and switches, with its
 * own defaults.
 */
export function modelFields(declaration: ModelDeclaration): INodeProperties[] {
	const { defaultModel } = declaration;
	if (defaultModel === undefined) return [];
	const models = modelsFor(declaration.operation);
	const include = new Set(declaration.fields ?? []);
	const whenModel = (ids: string[], extra: Show = {}): IDisplayOptions => ({ show: { ...extra, model: ids } });
	const otherModels = (ids: string[]) => models.map((model) => model.id).filter((id) => !ids.includes(id));
	const standIns: INodeProperties[] = [];
	const keepWhereHidden = (name: string, defaultValue: boolean | number, hiddenFor: string[], reason: string) => {
		if (hiddenFor.length) standIns.push(keepHiddenValue(name, defaultValue, whenModel(hiddenFor), reason));
	};

	const fields: INodeProperties[] = [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			default: defaultModel,
			options: models.map((model) => ({
				name: model.label,
				value: model.id,
				description: summary(model),
			})),
			description: 'The video model. The fields below show only what the chosen model supports.',
		},
	];

	const hasDuration = include.has('duration');
	const qualityGroups = groupBy(models, (model) => ({ list: model.qualities, default: model.defaultQuality, caps: hasDuration ? durationCaps(model) : '' }));
	for (const group of include.has('quality') ? qualityGroups : []) {
		const { default: defaultQuality, caps } = group.value;
		fields.push({
			displayName: 'Quality',
			name: 'quality',
			type: 'options',
			default: defaultQuality,
			displayOptions: whenModel(group.ids),
			options: group.value.list.map((quality) => ({ name: quality, value: quality })),
			description: 'Output resolution. Higher qualities cost more credits.',
			...(caps ? { hint: `Duration limit of this model: ${caps}` } : {}),
		});
	}

	for (const group of !hasDuration ? [] : groupBy(models, (model) => ({
		list: model.durations,
		default: model.defaultDuration,
		caps: durationCaps(model),
	}))) {
		const { default: defaultDuration, caps } = group.value;
		fields.push({
			displayName: 'Duration (Seconds)',
			name: 'duration',
			type: 'options',
			default: defaultDuration,
			displayOptions: whenModel(group.ids),
			options: group.value.list.map((seconds) => ({ name: `${seconds} s`, value: seconds })),
			description: 'Length of the video',
			...(caps ? { hint: `This model allows ${caps}` } : {}),
		});
	}

	for (const group of include.has('aspectRatio') ? groupBy(models, (model) => model.aspectRatios) : []) {
		const defaultRatio = group.value.includes('16:9') ? '16:9' : group.value[0];
		fields.push({
			displayName: 'Aspect Ratio',
			name: 'aspectRatio',
			type: 'options',
			default: defaultRatio,
			displayOptions: whenModel(group.ids, declaration.aspectRatioShow),
			options: group.value.map((ratio) => ({ name: ratio, value: ratio })),
			description: 'Frame shape of a text-to-video result. With an input image the video takes the image\'s shape.',
		});
	}
	if (include.has('aspectRatio') && declaration.aspectRatioShow) {
		standIns.push(keepHiddenValue('aspectRatio', '16:9', { hide: declaration.aspectRatioShow }, HIDDEN_REASONS.aspectRatioFromImage));
	}

	const audioToggle = include.has('audio') ? idsWhere(models, (model) => model.audio === 'toggle') : [];
	const audioAlways = include.has('audio') ? idsWhere(models, (model) => model.audio === 'always') : [];
	if (audioToggle.length) {
		fields.push({
			displayName: 'Generate Audio',
			name: 'audio',
			type: 'boolean',
			default: false,
			displayOptions: whenModel(audioToggle),
			description: 'Whether to generate a soundtrack with the video',
		});
	}
	if (include.has('audio')) {
		keepWhereHidden('audio', false, audioAlways, HIDDEN_REASONS.audioAlways);
		keepWhereHidden('audio', false, otherModels([...audioToggle, ...audioAlways]), HIDDEN_REASONS.audioNone);
	}
	if (audioAlways.length) {
		fields.push({
			displayName: 'This model always generates audio with the video',
			name: 'audioAlwaysNotice',
			type: 'notice',
			default: '',
			displayOptions: whenModel(audioAlways),
		});
	}

	const switches: Array<{ name: 'multiShot' | 'previewMode' | 'offPeakMode'; displayName: string; description: string }> = [
		{ name: 'multiShot', displayName: 'Multi-Shot', description: 'Whether to let the model cut between several shots' },
		{ name: 'previewMode', displayName: 'Preview Mode', description: 'Whether to render a fast, lower-quality preview at a discount (upscale it later)' },
		{ name: 'offPeakMode', displayName: 'Off-Peak Mode', description: 'Whether to render at off-peak time at a discount; delivery can take up to 24 hours' },
	];
	for (const flag of switches) {
		const ids = include.has(flag.name) ? idsWhere(models, (model) => model[flag.name]) : [];
		if (ids.length) {
			fields.push({ displayName: flag.displayName, name: flag.name, type: 'boolean', default: false, displayOptions: whenModel(ids), description: flag.description });
		}
		if (include.has(flag.name)) keepWhereHidden(flag.name, false, otherModels(ids), HIDDEN_REASONS.unsupported(flag.displayName));
	}

	const seedModels = include.has('seed') ? idsWhere(models, (model) => model.seed) : [];
	if (seedModels.length) {
		fields.push({
			displayName: 'Seed',
			name: 'seed',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 2147483647, numberPrecision: 0 },
			displayOptions: whenModel(seedModels),
			description: 'Use the same seed to repeat a result; 0 picks a random seed',
		});
	}
	if (include.has('seed')) keepWhereHidden('seed', 0, otherModels(seedModels), HIDDEN_REASONS.unsupported('Seed'));
	return [...fields, ...standIns];
}
