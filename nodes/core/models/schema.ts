import { z } from 'zod';

export const QUALITIES = ['360p', '480p', '540p', '720p', '1080p'] as const;
export const ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3', '21:9'] as const;

/** Endpoints that take a model. `upscale` and effect templates decide the model themselves. */
export const MODEL_OPERATIONS = [
	'create',
	'createFrames',
	'createTransition',
	'createFusion',
	'motionControl',
	'extend',
	'upscale',
	'modify',
	'restyle',
	'lipsync',
] as const;

export const qualitySchema = z.enum(QUALITIES);
export const aspectRatioSchema = z.enum(ASPECT_RATIOS);
export const modelOperationSchema = z.enum(MODEL_OPERATIONS);

/**
 * How a model treats the `audio` field: `toggle` accepts true/false, `always` renders audio and
 * rejects the field, `none` has no audio control (the field is never sent).
 */
export const audioSupportSchema = z.enum(['toggle', 'always', 'none']);

/** Where an endpoint differs from the model's create row (e.g. modify tops out at 720p). */
export const operationOverrideSchema = z
	.object({
		qualities: z.array(qualitySchema).min(1),
		defaultQuality: qualitySchema,
		durations: z.array(z.number().int().positive()).min(1),
		defaultDuration: z.number().int().positive(),
		maxDurationAtQuality: z.record(qualitySchema, z.number().int().positive()),
		audio: audioSupportSchema,
		multiShot: z.boolean(),
		previewMode: z.boolean(),
		offPeakMode: z.boolean(),
		seed: z.boolean(),
		/** create-transition: most keyframes. */
		maxFrames: z.number().int().min(2),
		/** create-fusion: most reference images, videos and audios. */
		maxImages: z.number().int().min(1),
		maxVideos: z.number().int().min(0),
		maxAudios: z.number().int().min(0),
	})
	.partial();

export const modelCapabilitySchema = z
	.object({
		id: z.string().min(1),
		label: z.string().min(1),
		vendor: z.enum(['native', 'third-party']),
		operations: z.array(modelOperationSchema).min(1),
		/** Also accepts frames from an input image on create (image-to-video). */
		imageToVideo: z.boolean(),
		/** Only image-to-video: create needs a first frame. */
		requiresImage: z.boolean().default(false),
		qualities: z.array(qualitySchema).min(1),
		defaultQuality: qualitySchema,
		durations: z.array(z.number().int().positive()).min(1),
		defaultDuration: z.number().int().positive(),
		/** Longest duration allowed at a given quality when shorter than the model's maximum. */
		maxDurationAtQuality: z.record(qualitySchema, z.number().int().positive()).default({}),
		aspectRatios: z.array(aspectRatioSchema).min(1),
		audio: audioSupportSchema,
		multiShot: z.boolean(),
		previewMode: z.boolean(),
		offPeakMode: z.boolean(),
		seed: z.boolean(),
		/** Row values not stated by useapi's docs but inferred from the vendor's own limits. */
		inferred: z.boolean().default(false),
		operationOverrides: z.record(modelOperationSchema, operationOverrideSchema).default({}),
	})
	.superRefine((model, ctx) => {
		if (!model.qualities.includes(model.defaultQuality)) {
			ctx.addIssue({ code: 'custom', message: `${model.id}: default quality not in its list` });
		}
		if (!model.durations.includes(model.defaultDuration)) {
			ctx.addIssue({ code: 'custom', message: `${model.id}: default duration not in its list` });
		}
		if (model.multiShot && model.vendor !== 'native') {
			ctx.addIssue({ code: 'custom', message: `${model.id}: multi-shot is native-only` });
		}
	});

export type Quality = z.infer<typeof qualitySchema>;
export type AspectRatio = z.infer<typeof aspectRatioSchema>;
export type ModelOperation = z.infer<typeof modelOperationSchema>;
export type AudioSupport = z.infer<typeof audioSupportSchema>;
export type ModelCapability = z.infer<typeof modelCapabilitySchema>;
export type OperationOverride = z.infer<typeof operationOverrideSchema>;

/** A model's capabilities on one endpoint: its create row with that endpoint's overrides applied. */
export type OperationCapability = Omit<ModelCapability, 'operationOverrides'> &
	Pick<OperationOverride, 'maxFrames' | 'maxImages' | 'maxVideos' | 'maxAudios'>;
export type ModelCapabilityInput = z.input<typeof modelCapabilitySchema>;
