import type { CredentialToImport } from './importData';

export const SIMULATOR_CREDENTIAL_ID = 'useapiSimulator';
export const SIMULATOR_TOKEN = 'sim-token';

/** The useapi.net credential pointed at a local simulator; example workflows reference its id. */
export function simulatorCredential(simulatorUrl: string): CredentialToImport {
	return {
		id: SIMULATOR_CREDENTIAL_ID,
		name: 'useapi.net (local simulator)',
		type: 'useApiApi',
		data: { apiToken: SIMULATOR_TOKEN, baseUrl: simulatorUrl },
	};
}
