/**
 * The image models of POST /images/create, one row each (docs/media-api.md "Image models"; useapi.net's
 * images page of March and May 2026 and its Postman collection of June 2026). Prices are in pricing.ts.
 */

export interface ImageModel {
	id: string;
	label: string;
	/** The first is the default. */
	qualities: string[];
	aspectRatios: string[];
	defaultAspectRatio: string;
	/** Most reference images (image_path_1 … image_path_N). */
	maxReferenceImages: number;
	/** Takes (and then requires) detail_level. */
	detailLevel?: boolean;
	/** A value below is our reading, not useapi's (see its comment). */
	inferred?: string;
}

const RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '5:4', '4:5', '3:2', '2:3', '21:9'];
const WITH_AUTO = ['auto', ...RATIOS];
const KLING_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3', '21:9'];
const GPT_RATIOS = ['1:1', '1:2', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '2:1', '21:9'];

const auto = (id: string, label: string, qualities: string[], maxReferenceImages: number, inferred?: string): ImageModel => ({
	id,
	label,
	qualities,
	aspectRatios: WITH_AUTO,
	defaultAspectRatio: 'auto',
	maxReferenceImages,
	...(inferred ? { inferred } : {}),
});

export const DEFAULT_IMAGE_MODEL = 'qwen-image';

export const IMAGE_MODELS: ImageModel[] = [
	{
		id: 'qwen-image',
		label: 'Qwen Image',
		qualities: ['720p', '1080p'],
		aspectRatios: RATIOS,
		defaultAspectRatio: '1:1',
		maxReferenceImages: 3,
	},
	auto('nano-banana', 'Nano Banana', ['1080p'], 3),
	auto('nano-banana-2', 'Nano Banana 2', ['512p', '1080p', '1440p', '2160p'], 9),
	auto('nano-banana-2-lite', 'Nano Banana 2 Lite', ['1080p'], 14, 'aspect ratios as its family (not documented)'),
	auto('nano-banana-pro', 'Nano Banana Pro', ['1080p', '1440p', '2160p'], 9),
	auto('seedream-4.0', 'Seedream 4.0', ['1080p', '1440p', '2160p'], 6),
	auto('seedream-4.5', 'Seedream 4.5', ['1440p', '2160p'], 6),
	auto('seedream-5.0-lite', 'Seedream 5.0 Lite', ['1440p', '1800p', '2160p'], 6),
	auto('seedream-5.0-pro', 'Seedream 5.0 Pro', ['1080p', '1440p'], 10, 'aspect ratios as its family (not documented)'),
	{
		id: 'kling-3.0',
		label: 'Kling 3.0',
		qualities: ['1080p', '1440p'],
		aspectRatios: KLING_RATIOS,
		defaultAspectRatio: '1:1',
		maxReferenceImages: 1,
	},
	{
		id: 'kling-o3',
		label: 'Kling O3',
		qualities: ['1080p', '1440p', '2160p'],
		aspectRatios: KLING_RATIOS,
		defaultAspectRatio: '1:1',
		maxReferenceImages: 1,
	},
	{
		id: 'gpt-image-2.0',
		label: 'GPT Image 2.0',
		qualities: ['1080p', '1440p', '2160p'],
		aspectRatios: GPT_RATIOS,
		defaultAspectRatio: '1:1',
		maxReferenceImages: 9,
		detailLevel: true,
	},
];

/** Images one request makes (create_count), each charged. */
export const MAX_IMAGE_COUNT = 4;

/** gpt-image-2.0's detail levels, and the factor each applies to its base price (which is not published, so no estimate uses it yet). */
export const DETAIL_LEVELS: Record<string, number> = {
	low: 0.5,
	medium: 1,
	high: 2,
};

export const findImageModel = (id: unknown): ImageModel | undefined => IMAGE_MODELS.find((model) => model.id === id);
