import { z } from 'zod';

import { modelCapabilitySchema } from './schema';
import type { ModelCapability, ModelOperation } from './schema';
import { MODEL_TABLE } from './table';

export * from './schema';

/** The capability table, checked against its schema once when the node is loaded. */
export const MODELS: readonly ModelCapability[] = z.array(modelCapabilitySchema).parse(MODEL_TABLE);

const modelsById = new Map(MODELS.map((model) => [model.id, model]));

export function findModel(id: string): ModelCapability | undefined {
	return modelsById.get(id);
}

export function modelsFor(operation: ModelOperation): ModelCapability[] {
	return MODELS.filter((model) => model.operations.includes(operation));
}

/** The longest duration a model allows at a quality (e.g. 8 s at 1080p on v5.x). */
export function durationsAt(model: ModelCapability, quality: string): number[] {
	const cap = model.maxDurationAtQuality[quality as keyof typeof model.maxDurationAtQuality];
	return cap === undefined ? model.durations : model.durations.filter((seconds) => seconds <= cap);
}
