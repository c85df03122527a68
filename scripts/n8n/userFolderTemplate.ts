import { dirname, join } from 'node:path';
import type { N8nRuntime } from './ensureRuntime';
import { importCredentials } from './importData';
import type { PackedPackage } from './packPackage';
import { simulatorCredential } from './simulatorCredential';
import { copyUserFolder, createUserFolder } from './userFolder';

/** Set by the e2e global setup: the user folder that each test file's user folder copies. */
export const USER_FOLDER_TEMPLATE_ENV = 'PIXVERSE_E2E_USER_FOLDER';

/**
 * A user folder with the packed package installed (npm, from the tarball) and n8n's database
 * created and migrated, holding the simulator credential with a placeholder address (importing it
 * again with the simulator's address replaces it). Made once per test run, beside the tarball, so
 * it goes when the tarball's folder goes.
 */
export async function prepareUserFolderTemplate(runtime: N8nRuntime, packed: PackedPackage): Promise<string> {
	const folder = await createUserFolder({ tarball: packed.tarball, folder: join(dirname(packed.tarball), 'user-folder') });
	await importCredentials({ runtime, userFolder: folder }, [simulatorCredential('http://127.0.0.1:9')]);
	return folder;
}

/** A fresh user folder for one test file: a copy of the run's template, or a new install without one. */
export async function freshUserFolder(packed: PackedPackage): Promise<string> {
	const template = process.env[USER_FOLDER_TEMPLATE_ENV];
	return template ? copyUserFolder(template) : createUserFolder({ tarball: packed.tarball });
}
