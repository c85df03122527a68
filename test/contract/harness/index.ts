/** Contract-test harness: run a node inside n8n-core's real execution machinery against a live HTTP server. */
export { createInputBinary, readBinaryData } from './binary-data';
export { discoverProjectCredentialTypes } from './credential-types';
export type { CredentialDataByType } from './credentials-helper';
export { loadOptions, type LoadOptionsOptions } from './load-options';
export { listSearch } from './list-search';
export { disposeN8nRuntime, ensureN8nRuntime, type N8nRuntime } from './n8n-runtime';
export { runNode, runNodeAgain, type NodeRun, type RunNodeOptions } from './run-node';
export { testCredential, type CredentialTestResult } from './test-credential';
export { prepareTrigger, type TriggerHarness, type TriggerHarnessOptions, type WebhookCall, type WebhookResult } from './trigger-contexts';
export { startWaitingServer, type WaitingDelivery, type WaitingServer } from './waiting-execution';
