/**
 * The README's operations table, generated from the node's resource registry and the capability
 * table. `npm run docs:operations` prints it; `npm run docs:operations -- --write` replaces the
 * table between the operations markers in README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ResourceDefinition, OperationDefinition } from '../nodes/PixVerse/actions/operation';
import { RESOURCES } from '../nodes/PixVerse/actions/resources';
import { MODEL_OPERATIONS, modelsFor } from '../nodes/core/models';
import type { ModelOperation } from '../nodes/core/models';

export const START_MARKER = '<!-- operations:start -->';
export const END_MARKER = '<!-- operations:end -->';
export const README_PATH = join(__dirname, '..', 'README.md');

/** `POST /videos/create-frames` → `createFrames`, when that endpoint takes a model. */
function modelOperationOf(endpoint: string): ModelOperation | undefined {
	const match = /^POST \/videos\/([a-z-]+)$/.exec(endpoint.trim());
	const name = match?.[1].replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
	return (MODEL_OPERATIONS as readonly string[]).includes(name ?? '') ? (name as ModelOperation) : undefined;
}

/** The models an operation works with: its endpoint's row set, or the choices of its model field. */
function modelsOf(operation: OperationDefinition): string[] {
	const modelOperation = modelOperationOf(operation.endpoint);
	if (modelOperation) return modelsFor(modelOperation).map((model) => model.id);
	const modelField = operation.fields.find((field) => field.name === 'model' && field.type === 'options');
	return (modelField?.options ?? []).map((option) => String((option as { value: unknown }).value));
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function operationsTable(resources: ResourceDefinition[] = RESOURCES): string {
	const rows = ['| Resource | Operation | Endpoint | Models |', '| --- | --- | --- | --- |'];
	for (const resource of resources) {
		for (const operation of resource.operations) {
			const models = modelsOf(operation);
			rows.push(`| ${cell(resource.name)} | ${cell(operation.name)} | \`${cell(operation.endpoint)}\` | ${models.length ? cell(models.join(', ')) : '—'} |`);
		}
	}
	return rows.join('\n');
}

/** The table currently between the markers, or undefined when the markers are missing. */
export function readmeOperationsTable(readme: string): string | undefined {
	const start = readme.indexOf(START_MARKER);
	const end = readme.indexOf(END_MARKER);
	if (start === -1 || end === -1 || end < start) return undefined;
	return readme.slice(start + START_MARKER.length, end).trim();
}

export function withOperationsTable(readme: string, table: string): string {
	const start = readme.indexOf(START_MARKER);
	const end = readme.indexOf(END_MARKER);
	if (start === -1 || end === -1 || end < start) {
		throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} markers to put the operations table between`);
	}
	return `${readme.slice(0, start + START_MARKER.length)}\n${table}\n${readme.slice(end)}`;
}

function main(): void {
	const table = operationsTable();
	if (!process.argv.includes('--write')) {
		console.log(table);
		return;
	}
	const readme = readFileSync(README_PATH, 'utf8');
	const updated = withOperationsTable(readme, table);
	if (updated !== readme) writeFileSync(README_PATH, updated);
	console.log(updated === readme ? 'README.md operations table is up to date' : 'README.md operations table updated');
}

if (require.main === module) {
	try {
		main();
	} catch (error) {
		console.error((error as Error).message);
		process.exitCode = 1;
	}
}
