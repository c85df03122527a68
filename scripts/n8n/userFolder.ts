import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommandOrThrow } from './runCommand';

export interface UserFolderOptions {
	/** Absolute path of the tarball from packPackage. */
	tarball: string;
	/** Use (and first empty) this folder; default: a new temporary folder. */
	folder?: string;
}

/** Where n8n looks for community packages: `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-*`. */
export function communityNodesFolder(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}

/**
 * Makes an empty n8n user folder with the packed package installed the way a user's install
 * gets it: from the tarball, without devDependencies, peers or install scripts. n8n-workflow
 * and zod then resolve from n8n itself, so a runtime import of anything else fails here too.
 */
export async function createUserFolder(options: UserFolderOptions): Promise<string> {
	let folder: string;
	if (options.folder) {
		folder = options.folder;
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
	} else {
		folder = mkdtempSync(join(tmpdir(), 'pixverse-n8n-'));
	}
	const nodesFolder = communityNodesFolder(folder);
	mkdirSync(nodesFolder, { recursive: true });
	writeFileSync(
		join(nodesFolder, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
	);
	// n8n's own installer drops peerDependencies before installing; --legacy-peer-deps does the
	// same here (npm would otherwise resolve n8n-workflow's whole tree from the registry).
	await runCommandOrThrow(
		'npm',
		[
			'install',
			options.tarball,
			'--ignore-scripts',
			'--omit=dev',
			'--omit=peer',
			'--legacy-peer-deps',
			'--no-audit',
			'--no-fund',
		],
		{ cwd: nodesFolder, timeoutMs: 180_000 },
	);
	return folder;
}

/**
 * A copy of a prepared user folder (see prepareUserFolderTemplate): the same installed package
 * and database, without a second `npm install` and database migration.
 */
export function copyUserFolder(template: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'pixverse-n8n-'));
	cpSync(template, folder, { recursive: true });
	return folder;
}
