export {
	setUpN8nTestEnvironment,
	useN8nTestEnvironment,
	exampleWorkflow,
	SETUP_TIMEOUT_MS,
	type N8nTestEnvironment,
	type N8nTestOptions,
} from './n8nTestEnvironment';
export {
	nodeRuns,
	nodeOutputItems,
	nodeOutputJson,
	nodeError,
	binaryMetadata,
	binaryContent,
	type BinaryMetadata,
	type OutputSelector,
} from './runData';
export { packedPackage, REPO_ROOT } from './packedPackage';
