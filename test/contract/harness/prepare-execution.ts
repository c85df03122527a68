import type { ICredentialType, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { buildAdditionalData } from './additional-data';
import { CredentialTypeRegistry, discoverProjectCredentialTypes } from './credential-types';
import { HarnessCredentialsHelper, type CredentialDataByType } from './credentials-helper';
import { buildHarnessWorkflow, type HarnessWorkflow, type HarnessWorkflowOptions } from './harness-workflow';
import { ensureN8nRuntime, type N8nRuntime } from './n8n-runtime';

export interface PrepareExecutionOptions extends Omit<HarnessWorkflowOptions, 'credentialTypeNames'> {
	/** Credential data by credential type name; each one is attached to the node. */
	credentials?: CredentialDataByType;
	/** Credential classes to apply; default every class in the project's credentials folder. */
	credentialTypes?: ICredentialType[];
	/** The node is open in the editor: its parameters are the "current node parameters" LoadOptionsContext reads. */
	openInEditor?: boolean;
}

export interface PreparedExecution {
	runtime: N8nRuntime;
	harness: HarnessWorkflow;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: HarnessCredentialsHelper;
}

/** Everything one node execution needs: the n8n services, the workflow around the node, and its credentials. */
export async function prepareExecution(options: PrepareExecutionOptions): Promise<PreparedExecution> {
	const runtime = await ensureN8nRuntime();
	const credentials = structuredClone(options.credentials ?? {});
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry(options.credentialTypes ?? discoverProjectCredentialTypes()),
		credentials,
	);
	const harness = buildHarnessWorkflow({ ...options, credentialTypeNames: Object.keys(credentials) });
	const additionalData = buildAdditionalData({
		credentialsHelper,
		runtime,
		executionId: harness.executionId,
		workflowId: harness.workflowId,
		currentNodeParameters: options.openInEditor ? harness.node.parameters : undefined,
	});
	return { runtime, harness, additionalData, credentialsHelper };
}
