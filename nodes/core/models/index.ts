import { z } from 'zod';

import { modelCapabilitySchema } from './schema';
import type { ModelCapability, ModelOperation, OperationCapability } from './schema';
import { MODEL_TABLE } from './table';

export * from './schema';

/** The capability table, checked against its schema once when the node is loaded. */
export const MODELS: readonly ModelCapability[] = z.array(modelCapabilitySchema).parse(MODEL_TABLE);

const modelsById = new Map(MODELS.map((model) => [model.id, model]));

export function findModel(id: string): ModelCapability | undefined {
	return modelsById.get(id);
}

export function capabilityFor(model: ModelCapability, operation: ModelOperation): OperationCapability {
	const { operationOverrides, ...row } = model;
	return { ...row, ...operationOverrides[operation] };
}

/** The models an endpoint takes, each with that endpoint's own limits. */
export function modelsFor(operation: ModelOperation): OperationCapability[] {
	return MODELS.filter((model) => model.operations.includes(operation)).map((model) => capabilityFor(model, operation));
}

/** The durations a model allows at a quality (e.g. up to 8 s at 1080p on v5.x). */
export function durationsAt(model: Pick<ModelCapability, 'durations' | 'maxDurationAtQuality'>, quality: string): number[] {
	const cap = model.maxDurationAtQuality[quality as keyof typeof model.maxDurationAtQuality];
	return cap === undefined ? model.durations : model.durations.filter((seconds) => seconds <= cap);
}
