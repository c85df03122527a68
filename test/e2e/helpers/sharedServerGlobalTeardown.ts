import type { SharedN8nServer } from '../../../scripts/n8n';
import globalTeardown from './globalTeardown';
import { SHARED_SERVER_KEY } from './sharedServerGlobalSetup';

export default async function sharedServerGlobalTeardown(): Promise<void> {
	const shared = (globalThis as Record<string, unknown>)[SHARED_SERVER_KEY] as SharedN8nServer | undefined;
	await shared?.stop();
	await globalTeardown();
}
