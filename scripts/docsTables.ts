/**
 * The generated parts of the docs: the operations table (README.md) and the models tables
 * (docs/models.md), from the node's resource registry, each operation's model declaration, the
 * capability table and the image, speech and music model declarations; and the bench's latest results (docs/performance.md), from bench/latest.md,
 * which `npm run bench` writes, with docs/batch-timeline.svg shown beside the batch table.
 * `npm run docs:tables` prints them; `npm run docs:tables -- --write` replaces each between its
 * markers in its page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { MODELS, modelsFor } from '../nodes/core/models';
import type { ModelCapability } from '../nodes/core/models';
import type { ResourceDefinition } from '../nodes/PixVerse/actions/operation';
import { RESOURCES } from '../nodes/PixVerse/actions/resources';
import { IMAGE_MODELS } from '../nodes/core/media/imageModels';
import { MUSIC_MODELS } from '../nodes/core/media/musicModels';
import { SPEECH_MODELS, SPEECH_SETTINGS } from '../nodes/core/media/speechModels';
import { IMAGE_PRICES, MUSIC_PRICES, SPEECH_PRICES } from '../nodes/core/models/pricing';

export const REPO_ROOT = join(__dirname, '..');

/** Each generated table: the page it lives in (relative to the repository) and its markers. */
export const TABLES = {
	operations: { page: 'README.md', start: '<!-- operations:start -->', end: '<!-- operations:end -->' },
	models: { page: 'docs/models.md', start: '<!-- models:start -->', end: '<!-- models:end -->' },
	mediaModels: { page: 'docs/models.md', start: '<!-- media-models:start -->', end: '<!-- media-models:end -->' },
	bench: { page: 'docs/performance.md', start: '<!-- bench:start -->', end: '<!-- bench:end -->' },
} as const;

export type TableName = keyof typeof TABLES;

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function operationsTable(resources: ResourceDefinition[] = RESOURCES): string {
	const rows = ['| Resource | Operation | Endpoint | Models |', '| --- | --- | --- | --- |'];
	for (const resource of resources) {
		for (const operation of resource.operations) {
			const models = operation.model ? modelsFor(operation.model.operation).map((model) => model.id) : (operation.mediaModels ?? []);
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

const priceList = (rates: Record<string, number> | undefined) => (rates ? Object.entries(rates).map(([quality, credits]) => `${quality}: ${credits}`).join(', ') : 'not published');

/** The image, speech and music models, one table each, with what the form offers and the published prices. */
export function mediaModelsTable(): string {
	const speechSetting = (field: string) => SPEECH_SETTINGS.find((setting) => setting.field === field)!.label;
	return [
		'**Images** (Image → Create; the first quality is the default)',
		'',
		'| Model | Qualities | Aspect ratios (default) | Reference images | Detail Level | Credits per image |',
		'| --- | --- | --- | --- | --- | --- |',
		...IMAGE_MODELS.map((model) => {
			const ratios = model.aspectRatios.map((ratio) => (ratio === model.defaultAspectRatio ? `**${ratio}**` : ratio)).join(', ');
			const name = `${model.id}${model.inferred ? ` (inferred: ${model.inferred})` : ''}`;
			return `| ${[name, model.qualities.join(', '), ratios, `up to ${model.maxReferenceImages}`, model.detailLevel ? 'required: low, medium, high (×0.5, ×1, ×2)' : '—', priceList(IMAGE_PRICES.perImage[model.id])].map(cell).join(' | ')} |`;
		}),
		'',
		'**Speech** (Speech → Create)',
		'',
		'| Model | Provider | Longest text | Voice settings | Credits |',
		'| --- | --- | --- | --- | --- |',
		...SPEECH_MODELS.map((model) => {
			const perCredit = SPEECH_PRICES.charactersPerCredit[model.id];
			return `| ${[model.id, model.provider, `${model.maxCharacters.toLocaleString('en-US')} characters`, model.settings.map(speechSetting).join(', '), perCredit ? `1 per ${perCredit} characters` : 'not published'].map(cell).join(' | ')} |`;
		}),
		'',
		'**Music** (Music → Create)',
		'',
		'| Model | Longest prompt | Lyrics | Reference images | Credits per track |',
		'| --- | --- | --- | --- | --- |',
		...MUSIC_MODELS.map((model) =>
			`| ${[model.id, `${model.maxPromptCharacters.toLocaleString('en-US')} characters`, model.lyrics ? 'yours (not with Instrumental) or its own' : 'its own', model.maxReferenceImages ? `up to ${model.maxReferenceImages}` : '—', String(MUSIC_PRICES.perTrack[model.id] ?? 'not published')].map(cell).join(' | ')} |`,
		),
	].join('\n');
}

export const BENCH_RESULTS = join(REPO_ROOT, 'bench', 'latest.md');
export const TIMELINE_IMAGE =
	"![One batch of 24 videos on one account with 8 slots, in each wait mode: a lane per slot, a bar per video from its submission to its render's end, the 429 answers, the maxJobs line and the time limit](batch-timeline.svg)";

/** The bench's results as docs/performance.md shows them: the image right after the line that names it. */
export function benchSection(results: string = readFileSync(BENCH_RESULTS, 'utf8')): string {
	const lines = results.trim().split('\n');
	const at = lines.findIndex((line) => line.startsWith('`docs/batch-timeline.svg`'));
	if (at === -1) return lines.join('\n');
	return [...lines.slice(0, at + 1), '', TIMELINE_IMAGE, ...lines.slice(at + 1)].join('\n');
}

export const GENERATORS: Record<TableName, () => string> = {
	operations: () => operationsTable(),
	models: () => modelsTable(),
	mediaModels: () => mediaModelsTable(),
	bench: () => benchSection(),
};

/** The absolute path of the page a table lives in. */
export const tablePage = (name: TableName): string => join(REPO_ROOT, TABLES[name].page);

/** The table currently between a table's markers in a page's text, or undefined when the markers are missing. */
export function pageTable(page: string, name: TableName): string | undefined {
	const { start, end } = TABLES[name];
	const from = page.indexOf(start);
	const to = page.indexOf(end);
	if (from === -1 || to === -1 || to < from) return undefined;
	return page.slice(from + start.length, to).trim();
}

export function withTable(page: string, name: TableName, table: string): string {
	const { start, end } = TABLES[name];
	const from = page.indexOf(start);
	const to = page.indexOf(end);
	if (from === -1 || to === -1 || to < from) {
		throw new Error(`${TABLES[name].page} has no ${start} … ${end} markers to put the ${name} table between`);
	}
	return `${page.slice(0, from + start.length)}\n${table}\n${page.slice(to)}`;
}

function main(): void {
	const names = Object.keys(TABLES) as TableName[];
	if (!process.argv.includes('--write')) {
		for (const name of names) console.log(`${GENERATORS[name]()}\n`);
		return;
	}
	for (const name of names) {
		const page = tablePage(name);
		const text = readFileSync(page, 'utf8');
		const updated = withTable(text, name, GENERATORS[name]());
		if (updated !== text) writeFileSync(page, updated);
		console.log(`${TABLES[name].page}: the ${name} table ${updated === text ? 'is up to date' : 'was updated'}`);
	}
}

if (require.main === module) {
	try {
		main();
	} catch (error) {
		console.error((error as Error).message);
		process.exitCode = 1;
	}
}
