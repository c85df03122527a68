import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier);
	return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Each file's relative imports, type-only ones included: a type import still ties two files together. */
function importGraph(files: string[]): Map<string, string[]> {
	return new Map(
		files.map((file) => {
			const { importedFiles } = preProcessFile(readFileSync(file, 'utf8'), true, false);
			const targets = importedFiles.map((entry) => resolveImport(file, entry.fileName)).filter((target): target is string => target !== undefined);
			return [file, targets];
		}),
	);
}

/** Every cycle as the list of files on it, each found once (depth-first search, colouring). */
function importCycles(graph: Map<string, string[]>): string[][] {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const cycles: string[][] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const target of graph.get(file) ?? []) {
			if (state.get(target) === 'open') cycles.push(stack.slice(stack.indexOf(target)));
			else if (!state.has(target)) visit(target);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return cycles;
}

describe('import cycles', () => {
	it('finds a cycle of two files and one of three, and none in a tree', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['a', 'c']],
			['c', ['d']],
			['d', ['e']],
			['e', ['c']],
			['f', ['a']],
		]);
		expect(importCycles(graph)).toEqual([
			['a', 'b'],
			['c', 'd', 'e'],
		]);
		expect(importCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
	});

	it.each(['nodes', 'credentials', 'simulator', 'scripts'])('%s/ has no import cycle', (folder) => {
		const cycles = importCycles(importGraph(sourceFiles(join(ROOT, folder))));
		expect(cycles.map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' -> '))).toEqual([]);
	});
});
