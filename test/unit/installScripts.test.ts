import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Manifest {
	allowScripts?: Record<string, boolean>;
}

interface Lockfile {
	packages: Record<string, { hasInstallScript?: boolean }>;
}

function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
}

/** Names of the locked packages that have install scripts (a path's last `node_modules/` segment). */
function packagesWithInstallScripts(): string[] {
	const { packages } = readJson<Lockfile>('package-lock.json');
	const names = Object.entries(packages)
		.filter(([, entry]) => entry.hasInstallScript)
		.map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
	return [...new Set(names)].sort();
}

describe('plain npm ci', () => {
	it("runs no dependency's install script: package.json's allowScripts denies each one in the lockfile", () => {
		const { allowScripts = {} } = readJson<Manifest>('package.json');
		const withScripts = packagesWithInstallScripts();
		// Among them the two that break a Node 20 install.
		expect(withScripts).toEqual(expect.arrayContaining(['eslint-plugin-n8n-nodes-base', 'isolated-vm']));
		const notDenied = withScripts.filter((name) => allowScripts[name] !== false);
		expect(notDenied).toEqual([]);
	});
});
