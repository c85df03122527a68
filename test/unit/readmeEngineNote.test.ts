/**
 * docs/developing.md explains the one EBADENGINE warning `npm ci` prints on the Node versions
 * `engines` allows below 24: it must name every locked package whose `engines.node` leaves such a
 * version out, and no other; on Node 24 it promises no warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

type Version = number[];
const parse = (text: string): Version => text.replace(/^v/, '').split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
const compare = (a: Version, b: Version) => [0, 1, 2].map((i) => (a[i] ?? 0) - (b[i] ?? 0)).find((difference) => difference !== 0) ?? 0;

/** Whether `version` satisfies one comparator of an npm range (the forms engines fields use). */
function satisfiesComparator(version: Version, comparator: string): boolean {
	const [, operator, operand] = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(comparator)!;
	if (operand === '*' || operand === 'x') return true;
	const bound = parse(operand);
	const parts = operand.split('.').filter((part) => /^\d+$/.test(part)).length;
	switch (operator) {
		case '>=': return compare(version, bound) >= 0;
		case '>': return compare(version, bound) > 0;
		case '<=': return compare(version, bound) <= 0;
		case '<': return compare(version, bound) < 0;
		case '^': return compare(version, bound) >= 0 && version[0] === bound[0];
		case '~': return compare(version, bound) >= 0 && version[0] === bound[0] && (parts < 2 || version[1] === bound[1]);
		default: return bound.slice(0, parts).every((value, index) => version[index] === value);
	}
}

const comparatorSets = (range: string) => range.replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1').split('||').map((set) => set.trim().split(/\s+/));

function satisfies(version: Version, range: string): boolean {
	return comparatorSets(range).some((set) => set.every((comparator) => satisfiesComparator(version, comparator)));
}

/** The oldest version each `^x.y.z` or `>=x.y.z` set of a range allows: the versions a developer may have. */
const oldestAllowed = (range: string): Version[] => comparatorSets(range).map((set) => parse(set[0].replace(/^(>=|\^)/, '')));

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
const page = readFileSync(join(ROOT, 'docs', 'developing.md'), 'utf8');

/** The locked packages whose engines leave `version` out, as `name@version`. */
const excluding = (version: Version) =>
	Object.entries(lock.packages)
		.filter(([path, entry]) => path && entry.engines && !Array.isArray(entry.engines) && entry.engines.node && !satisfies(version, entry.engines.node))
		.map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}`);

describe("docs/developing.md's EBADENGINE note", () => {
	it('reads engine ranges the way npm does for the forms in the lockfile', () => {
		const node20 = [20, 20, 2];
		expect(satisfies(node20, '>=24.0.0')).toBe(false);
		expect(satisfies(node20, '^18.18.0 || ^20.9.0 || >=21.1.0')).toBe(true);
		expect(satisfies(node20, '>= 18')).toBe(true);
		expect(satisfies(node20, '20.x')).toBe(true);
		expect(satisfies(node20, '~20.19.0')).toBe(false);
		expect(oldestAllowed('^20.19.0 || ^22.13.0 || >=24')).toEqual([[20, 19, 0], [22, 13, 0], [24]]);
	});

	it('names exactly the locked packages that leave out the Node 20 and 22 that engines allows', () => {
		const note = /Under Node 20 and 22, `npm ci` prints one `EBADENGINE` warning: `([^`]+)`/.exec(page);
		expect(note).not.toBeNull();
		const below24 = oldestAllowed(packageJson.engines.node).filter((version) => version[0] < 24);
		expect(below24.map((version) => version[0])).toEqual([20, 22]);
		for (const version of below24) expect({ node: version.join('.'), excluding: excluding(version) }).toEqual({ node: version.join('.'), excluding: [note![1]] });
	});

	it('promises no warning on Node 24, and the lockfile agrees', () => {
		expect(page).toContain('Under Node 24 there is no warning.');
		expect(excluding([24, 0, 0])).toEqual([]);
	});
});
