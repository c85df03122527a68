export { ensureN8nRuntime, type N8nRuntime, type EnsureRuntimeOptions } from './ensureRuntime';
export { cacheFolder, runtimePaths, N8N_VERSION, NODE_VERSION } from './runtimePaths';
export { packPackage, type PackedPackage } from './packPackage';
export { createUserFolder, copyUserFolder, communityNodesFolder, type UserFolderOptions } from './userFolder';
export { prepareUserFolderTemplate, freshUserFolder, USER_FOLDER_TEMPLATE_ENV } from './userFolderTemplate';
export { n8nEnvironment, LOCAL_ENCRYPTION_KEY } from './n8nEnvironment';
export { runN8n, type N8nInstance, type N8nCommandOptions } from './n8nCli';
export {
	importCredentials,
	importWorkflows,
	readWorkflow,
	type CredentialToImport,
	type WorkflowJson,
	type WorkflowSource,
} from './importData';
export { pipelineFolder, pipelineWorkflow, PIPELINE_EXAMPLE, SAMPLE_CSV, type PipelinePaths } from './pipelineExample';
export { executeWorkflow, describeExecution, type ExecuteResult, type ExecuteOptions } from './executeWorkflow';
export { parseExecutionOutput, type ExecutionJson } from './executionOutput';
export { startN8nServer, publishWorkflow, type N8nServer, type N8nServerOptions } from './n8nServer';
export { startSimulatorProcess, type SimulatorProcess, type SimulatorProcessOptions } from './simulatorProcess';
export { freePort } from './freePort';
export { runCommand, runCommandOrThrow, describeFailure, type CommandResult } from './runCommand';
export { simulatorCredential, SIMULATOR_CREDENTIAL_ID, SIMULATOR_TOKEN } from './simulatorCredential';
export {
	setUpN8nTestEnvironment,
	exampleWorkflow,
	SETUP_TIMEOUT_MS,
	type N8nTestEnvironment,
	type N8nTestOptions,
	type TestServer,
} from './n8nTestEnvironment';
export {
	startSharedN8nServer,
	sharedN8nServerInfo,
	waitForSharedN8nServer,
	SHARED_SERVER_ENV,
	type SharedN8nServer,
	type SharedN8nServerInfo,
} from './sharedN8nServer';
export {
	createCredential,
	createWorkflow,
	publishSavedWorkflow,
	unpublishWorkflow,
	runWorkflowManually,
	withCredential,
	type CredentialRef,
} from './serverWorkflows';
export { packedPackage, REPO_ROOT, PACKED_ENV } from './packedPackage';
export { n8nExecutions, parseFlatted, type N8nExecutions, type ExecutionSummary } from './n8nExecutions';
export { signInAsOwner, E2E_OWNER, type EditorSession } from './editorSession';
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
export { waitFor } from './waitFor';
export { startN8nProcess, type N8nProcessOptions } from './n8nServer';
export { startQueueCluster, type QueueCluster, type QueueClusterOptions, type QueueProcess } from './queue/queueCluster';
export { ensureDebianPrograms, programAt, type DebianProgram } from './queue/debianPackages';
export { startPostgres, type PostgresServer } from './queue/postgresServer';
export { startRedis, type RedisServer } from './queue/redisServer';
