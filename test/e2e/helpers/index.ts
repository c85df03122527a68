/** What e2e tests use: the harness in scripts/n8n, plus the jest hooks around it. */
export {
	setUpN8nTestEnvironment,
	exampleWorkflow,
	SETUP_TIMEOUT_MS,
	type N8nTestEnvironment,
	type N8nTestOptions,
	nodeRuns,
	nodeOutputItems,
	nodeOutputJson,
	nodeError,
	binaryMetadata,
	binaryContent,
	type BinaryMetadata,
	type OutputSelector,
	packedPackage,
	REPO_ROOT,
	n8nExecutions,
	type N8nExecutions,
	signInAsOwner,
	type EditorSession,
	waitFor,
} from '../../../scripts/n8n';
export { useN8nTestEnvironment } from './useN8nTestEnvironment';
