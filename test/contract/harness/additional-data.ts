import { ExternalSecretsProxy } from 'n8n-core';
import type { ICredentialsHelper, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import type { N8nRuntime } from './n8n-runtime';

export interface AdditionalDataOptions {
	credentialsHelper: ICredentialsHelper;
	runtime: N8nRuntime;
	executionId: string;
	workflowId: string;
	/** Parameters of the node being edited; what LoadOptionsContext reads as the current node's parameters. */
	currentNodeParameters?: INodeParameters;
}

const instanceBaseUrl = 'http://localhost:5678';

function unavailable(feature: string): never {
	throw new Error(`${feature} is not available in the contract-test harness`);
}

/** The per-execution services n8n hands to every node context, for a single node run without a database. */
export function buildAdditionalData(options: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: options.credentialsHelper,
		executionId: options.executionId,
		workflowId: options.workflowId,
		currentNodeParameters: options.currentNodeParameters,
		currentNodeExecutionIndex: 0,
		ssrfBridge: options.runtime.ssrfProtection,
		externalSecretsProxy: new ExternalSecretsProxy(),
		variables: {},
		instanceBaseUrl,
		restApiUrl: `${instanceBaseUrl}/rest`,
		formBaseUrl: `${instanceBaseUrl}/form`,
		formWaitingBaseUrl: `${instanceBaseUrl}/form-waiting`,
		formTestBaseUrl: `${instanceBaseUrl}/form-test`,
		webhookBaseUrl: `${instanceBaseUrl}/webhook`,
		webhookWaitingBaseUrl: `${instanceBaseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${instanceBaseUrl}/webhook-test`,
		mcpBaseUrl: `${instanceBaseUrl}/mcp`,
		mcpTestBaseUrl: `${instanceBaseUrl}/mcp-test`,
		logAiEvent: () => undefined,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => unavailable('Executing a sub-workflow'),
		startRunnerTask: async () => unavailable('The task runner'),
	};
}
