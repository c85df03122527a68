import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

import { cacheFolder } from '../../scripts/n8n/runtimePaths';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
}

interface Job {
	uses?: string;
	needs?: string | string[];
	if?: string;
	permissions?: Record<string, string>;
	steps?: Step[];
}

interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const ROOT = join(__dirname, '..', '..');

function workflow(file: string): Workflow {
	return parse(readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8')) as Workflow;
}

/** The README's "Try it without credits: the two commands" section, up to the next heading of its level or above. */
function twoCommandsSection(): string {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const heading = /^(#{2,3}) Try it without credits: the two commands$/m.exec(readme);
	if (heading === null) throw new Error('the README has no "Try it without credits: the two commands" section');
	const rest = readme.slice(heading.index + heading[0].length);
	const next = new RegExp(`^#{1,${heading[1].length}} `, 'm').exec(rest);
	return next === null ? rest : rest.slice(0, next.index);
}

/** The commands of the README's "Try it without credits" bash blocks, comments stripped. */
function readmeCommands(): string[] {
	const section = twoCommandsSection();
	const blocks = [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1]);
	return blocks
		.flatMap((block) => block.split('\n'))
		.map((line) => line.replace(/#.*$/, '').trim())
		.filter((line) => line !== '');
}

function readmeCommand(pattern: RegExp): string {
	const command = readmeCommands().find((line) => pattern.test(line));
	if (command === undefined) throw new Error(`the README's "Try it without credits" section has no command matching ${pattern}`);
	return command;
}

const README_INSTALL = readmeCommand(/^npm (ci|install)\b/);
const README_TEST = readmeCommand(/^npm (run )?test\b/);

function stepIndex(steps: Step[], describe: string, matches: (step: Step) => boolean): number {
	const index = steps.findIndex(matches);
	if (index < 0) throw new Error(`no step that ${describe}`);
	return index;
}

const runs = (command: string) => (step: Step) => step.run?.trim() === command;
const usesAction = (action: string) => (step: Step) => step.uses?.split('@')[0] === action;

/** The Node major the tooling is typed against (@types/node), i.e. the Node the project runs on. */
function projectNodeMajor(): number {
	const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
	return Number(packageJson.devDependencies['@types/node'].split('.')[0]);
}

describe('ci.yml', () => {
	const ci = workflow('ci.yml');
	const steps = ci.jobs.test.steps ?? [];

	it('runs on every push to a branch, on pull requests, and when publish.yml calls it', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
		// Tags are left to publish.yml, which runs this workflow itself before publishing.
		expect(ci.on.push).toEqual({ branches: ['**'] });
	});

	it("installs and tests with the README's own commands, in that order, on the project's Node", () => {
		expect(README_INSTALL).toBe('npm ci');
		expect(README_TEST).toBe('npm test');
		const setupNode = stepIndex(steps, 'sets up Node', usesAction('actions/setup-node'));
		expect(Number(steps[setupNode].with?.['node-version'])).toBe(projectNodeMajor());
		expect(steps[setupNode].with?.cache).toBe('npm');
		const install = stepIndex(steps, `runs "${README_INSTALL}"`, runs(README_INSTALL));
		const test = stepIndex(steps, `runs "${README_TEST}"`, runs(README_TEST));
		expect(setupNode).toBeLessThan(install);
		expect(install).toBeLessThan(test);
	});

	it("caches the harness's n8n runtime folder before the tests run", () => {
		const cache = stepIndex(steps, 'uses actions/cache', usesAction('actions/cache'));
		const path = String(steps[cache].with?.path);
		expect(path.startsWith('~/')).toBe(true);
		// The harness's folder when neither PIXVERSE_N8N_CACHE nor XDG_CACHE_HOME is set, as on a runner.
		expect(join(homedir(), path.slice(2))).toBe(cacheFolder({}));
		expect(String(steps[cache].with?.key)).toContain("hashFiles('scripts/n8n/runtimePaths.ts'");
		expect(cache).toBeLessThan(stepIndex(steps, `runs "${README_TEST}"`, runs(README_TEST)));
	});

	it('installs the system packages the queue-mode and screenshot tests use', () => {
		const apt = steps.find((step) => step.run?.includes('apt-get install'));
		const packages = apt?.run?.split(/\s+/) ?? [];
		expect(packages).toEqual(expect.arrayContaining(['postgresql', 'redis-server', 'chromium']));
	});
});

describe('publish.yml', () => {
	const publish = workflow('publish.yml');

	it('runs only for a pushed version tag', () => {
		expect(publish.on).toEqual({ push: { tags: ['v*'] } });
		expect(publish.jobs.publish.if).toBe("startsWith(github.ref, 'refs/tags/v')");
	});

	it('publishes only after the whole CI test run has passed', () => {
		expect(publish.jobs.test.uses).toBe('./.github/workflows/ci.yml');
		expect([publish.jobs.publish.needs].flat()).toContain('test');
	});

	it('publishes the built package with provenance, with the OIDC token only where it is needed', () => {
		const job = publish.jobs.publish;
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(publish.permissions).toEqual({ contents: 'read' });
		const steps = job.steps ?? [];
		const setupNode = steps[stepIndex(steps, 'sets up Node', usesAction('actions/setup-node'))];
		expect(Number(setupNode.with?.['node-version'])).toBe(projectNodeMajor());
		expect(setupNode.with?.['registry-url']).toBe('https://registry.npmjs.org');
		const install = stepIndex(steps, `runs "${README_INSTALL}"`, runs(README_INSTALL));
		const build = stepIndex(steps, 'runs "npm run build"', runs('npm run build'));
		const release = stepIndex(steps, 'publishes', runs('npm publish --provenance --access public'));
		expect(install).toBeLessThan(build);
		expect(build).toBeLessThan(release);
		// n8n-node's prepublishOnly guard (n8n-node prerelease) refuses a publish outside release mode.
		expect(steps[release].env?.RELEASE_MODE).toBe('true');
	});
});
