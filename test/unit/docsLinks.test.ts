/**
 * Every relative link and image in README.md, CHANGELOG.md, scripts/README.md and docs/*.md points
 * at a file of the repository, every `#anchor` at a heading of its page (GitHub's heading ids), and
 * every docs page is linked from the README.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs');

const PAGES = ['README.md', 'CHANGELOG.md', 'scripts/README.md', ...readdirSync(DOCS).filter((file) => file.endsWith('.md')).sort().map((file) => `docs/${file}`)];

/** The text without fenced code blocks and inline code spans, where a link is only text. */
function prose(markdown: string): string {
	return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[^`\n][\s\S]*?\1/g, '');
}

/** GitHub's id for a heading: lower case, punctuation and symbols dropped, spaces made hyphens. */
function headingSlug(heading: string): string {
	const text = heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[`*]/g, '')
		.trim()
		.toLowerCase();
	return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The ids of a page's headings, repeated ones numbered -1, -2, … as GitHub does. */
function headingIds(markdown: string): Set<string> {
	const ids = new Set<string>();
	const seen = new Map<string, number>();
	const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
	for (const match of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
		const slug = headingSlug(match[1]);
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		ids.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return ids;
}

/** The targets of a page's links and images, as written. */
function linkTargets(markdown: string): string[] {
	return [...prose(markdown).matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with one link of a page (a path relative to the repository), or undefined. */
function brokenLink(page: string, target: string): string | undefined {
	if (target === '') return 'an empty link';
	if (isExternal(target)) return undefined;
	const [path, anchor] = target.split('#', 2) as [string, string | undefined];
	const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
	if (relative(ROOT, file).startsWith('..')) return `${target} points outside the repository`;
	if (!existsSync(file)) return `${target}: no file ${relative(ROOT, file)}`;
	if (anchor === undefined || !file.endsWith('.md')) return undefined;
	return headingIds(readFileSync(file, 'utf8')).has(anchor) ? undefined : `${target}: ${relative(ROOT, file)} has no heading with the id "${anchor}"`;
}

describe('links in README.md, CHANGELOG.md, scripts/README.md and docs/', () => {
	it('reads GitHub heading ids and link targets the way GitHub renders them', () => {
		expect(headingSlug('Video → Create')).toBe('video--create');
		expect(headingSlug('Batches: many items, many videos')).toBe('batches-many-items-many-videos');
		expect(headingSlug('Credential: "useapi.net API"')).toBe('credential-useapinet-api');
		expect(headingSlug('`npm start` and `npm test`')).toBe('npm-start-and-npm-test');
		expect(headingSlug('Effect / Voice / Restyle → Get Many')).toBe('effect--voice--restyle--get-many');
		expect([...headingIds('# A\n## A\n```\n# Not a heading\n```\n### A ##\n')]).toEqual(['a', 'a-1', 'a-2']);
		expect(linkTargets('[a](docs/x.md#y) ![b](pic.svg "title") `[c](not-a-link.md)` [d](https://e.example)')).toEqual(['docs/x.md#y', 'pic.svg', 'https://e.example']);
	});

	it.each(PAGES)('%s: every relative link and anchor resolves', (page) => {
		const targets = linkTargets(readFileSync(join(ROOT, page), 'utf8'));
		const broken = targets.map((target) => brokenLink(page, target)).filter((problem) => problem !== undefined);
		expect(broken).toEqual([]);
	});

	it('links every docs page from the README', () => {
		const linked = new Set(linkTargets(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((target) => target.split('#')[0]));
		const docsPages = PAGES.filter((page) => page.startsWith('docs/'));
		expect(docsPages.length).toBeGreaterThan(0);
		expect(docsPages.filter((page) => !linked.has(page))).toEqual([]);
	});
});
