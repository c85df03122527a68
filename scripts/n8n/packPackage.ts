import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommandOrThrow } from './runCommand';

export interface PackedPackage {
	/** Absolute path of the .tgz. */
	tarball: string;
	name: string;
	version: string;
	/** Paths inside the package, as npm pack lists them (e.g. `package.json`, `dist/...`). */
	files: string[];
}

interface NpmPackEntry {
	filename: string;
	name: string;
	version: string;
	files: Array<{ path: string }>;
}

/** `npm pack` of the package in `packageFolder` (built beforehand by the caller) into `destination`. */
export async function packPackage(packageFolder: string, destination: string): Promise<PackedPackage> {
	mkdirSync(destination, { recursive: true });
	const result = await runCommandOrThrow(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{ cwd: packageFolder },
	);
	const [entry] = JSON.parse(result.stdout) as NpmPackEntry[];
	return {
		tarball: join(destination, entry.filename),
		name: entry.name,
		version: entry.version,
		files: entry.files.map((file) => file.path).sort(),
	};
}
