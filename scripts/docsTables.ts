/**
 * The README's operations and models tables, generated from the node's resource registry, each
 * operation's model declaration and the capability table. `npm run docs:tables` prints them;
 * `npm run docs:tables -- --write` replaces each table between its markers in README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { MODELS, modelsFor } from '../nodes/core/models';
import type { ModelCapability } from '../nodes/core/models';
import type { ResourceDefinition } from '../nodes/PixVerse/actions/operation';
import { RESOURCES } from '../nodes/PixVerse/actions/resources';

export const README_PATH = join(__dirname, '..', 'README.md');

export const TABLES = {
	operations: { start: '<!-- operations:start -->', end: '<!-- operations:end -->' },
	models: { start: '<!-- models:start -->', end: '<!-- models:end -->' },
} as const;

export type TableName = keyof typeof TABLES;

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function operationsTable(resources: ResourceDefinition[] = RESOURCES): string {
	const rows = ['| Resource | Operation | Endpoint | Models |', '| --- | --- | --- | --- |'];
	for (const resource of resources) {
		for (const operation of resource.operations) {
			const models = operation.model ? modelsFor(operation.model.operation).map((model) => model.id) : [];
			rows.push(`| ${cell(resource.name)} | ${cell(operation.name)} | \`${cell(operation.endpoint)}\` | ${models.length ? cell(models.join(', ')) : '—'} |`);
		}
	}
	return rows.join('\n');
}

/** 1, 2, 3, 5, 8 → "1–3, 5, 8". */
function ranges(values: number[]): string {
	const parts: string[] = [];
	for (let start = 0; start < values.length; ) {
		let end = start;
		while (end + 1 < values.length && values[end + 1] === values[end] + 1) end++;
		parts.push(end - start >= 2 ? `${values[start]}–${values[end]}` : values.slice(start, end + 1).join(', '));
		start = end + 1;
	}
	return parts.join(', ');
}

const AUDIO: Record<ModelCapability['audio'], string> = { toggle: 'switch', always: 'always on', none: '—' };

function modelRow(model: ModelCapability, resources: ResourceDefinition[]): string {
	const operations = resources.flatMap((resource) =>
		resource.operations.filter((operation) => operation.model && model.operations.includes(operation.model.operation)).map((operation) => `${resource.name} > ${operation.name}`),
	);
	const qualities = model.qualities.map((quality) => (quality === model.defaultQuality ? `**${quality}**` : quality)).join(', ');
	const caps = Object.entries(model.maxDurationAtQuality).map(([quality, seconds]) => `${quality} ≤ ${seconds}`);
	const durations = `${ranges(model.durations)}${caps.length ? ` (${caps.join(', ')})` : ''}`;
	const flags = [model.multiShot && 'multi-shot', model.previewMode && 'preview', model.offPeakMode && 'off-peak', model.seed && 'seed'].filter(Boolean).join(', ');
	const name = `${model.id}${model.inferred ? ' (inferred)' : ''}`;
	return `| ${[name, qualities, durations, model.aspectRatios.join(', '), AUDIO[model.audio], flags || '—', operations.join(', ')].map(cell).join(' | ')} |`;
}

export function modelsTable(models: readonly ModelCapability[] = MODELS, resources: ResourceDefinition[] = RESOURCES): string {
	const rows = ['| Model | Qualities (default) | Durations (s) | Aspect ratios | Audio | Native flags | Operations |', '| --- | --- | --- | --- | --- | --- | --- |'];
	return [...rows, ...models.map((model) => modelRow(model, resources))].join('\n');
}

export const GENERATORS: Record<TableName, () => string> = { operations: () => operationsTable(), models: () => modelsTable() };

/** The table currently between a table's markers, or undefined when the markers are missing. */
export function readmeTable(readme: string, name: TableName): string | undefined {
	const { start, end } = TABLES[name];
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to === -1 || to < from) return undefined;
	return readme.slice(from + start.length, to).trim();
}

export function withTable(readme: string, name: TableName, table: string): string {
	const { start, end } = TABLES[name];
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to === -1 || to < from) {
		throw new Error(`README.md has no ${start} … ${end} markers to put the ${name} table between`);
	}
	return `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;
}

function main(): void {
	const names = Object.keys(TABLES) as TableName[];
	if (!process.argv.includes('--write')) {
		for (const name of names) console.log(`${GENERATORS[name]()}\n`);
		return;
	}
	const readme = readFileSync(README_PATH, 'utf8');
	const updated = names.reduce((text, name) => withTable(text, name, GENERATORS[name]()), readme);
	if (updated !== readme) writeFileSync(README_PATH, updated);
	console.log(updated === readme ? 'README.md tables are up to date' : 'README.md tables updated');
}

if (require.main === module) {
	try {
		main();
	} catch (error) {
		console.error((error as Error).message);
		process.exitCode = 1;
	}
}
