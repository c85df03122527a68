import {
	ensureN8nRuntime,
	packedPackage,
	prepareUserFolderTemplate,
	SHARED_SERVER_ENV,
	startSharedN8nServer,
	USER_FOLDER_TEMPLATE_ENV,
} from '../../../scripts/n8n';
import globalSetup from './globalSetup';

/** Where the global teardown (same process) finds the server. */
export const SHARED_SERVER_KEY = '__pixverseSharedN8nServer';

/**
 * The e2e project's global setup: the runtime and the packed package (as for every real-n8n
 * project); one user folder with the package installed and n8n's database migrated, which each
 * test file's user folder copies; and one `n8n start` server that test files with `shared: true`
 * use. The server starts in the background: test files that do not use it run meanwhile.
 */
export default async function sharedServerGlobalSetup(): Promise<void> {
	await globalSetup();
	const packed = await packedPackage();
	process.env[USER_FOLDER_TEMPLATE_ENV] = await prepareUserFolderTemplate(await ensureN8nRuntime(), packed);
	const shared = await startSharedN8nServer(packed);
	process.env[SHARED_SERVER_ENV] = JSON.stringify(shared.info);
	(globalThis as Record<string, unknown>)[SHARED_SERVER_KEY] = shared;
}
