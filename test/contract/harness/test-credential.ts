/**
 * What happens when a user presses "Test" on a credential that declares `test.request`
 * (n8n's CredentialsTester): the request is run by n8n-core's RoutingNode on a throwaway
 * node whose only property routes to that request, so `baseURL`/`url` expressions resolve
 * against `$credentials` and the credential's `authenticate` is applied on the way out.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	NodeApiError,
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';
import { prepareExecution } from './prepare-execution';

export interface CredentialTestResult {
	/** Whether n8n would report "Connection tested successfully". */
	ok: boolean;
	/** HTTP status of the test request's response, when one arrived. */
	status?: number;
	/** n8n's message for the result. */
	message: string;
}

export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
	options: { credentialTypes?: ICredentialType[] } = {},
): Promise<CredentialTestResult> {
	const { test } = credentialType;
	if (!test) throw new Error(`Credential type "${credentialType.name}" declares no test request`);

	let status: number | undefined;
	async function recordStatus(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		status = response.statusCode;
		return items;
	}
	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: `Tests ${credentialType.displayName}`,
			defaults: { name: 'Credential test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Test request',
					name: 'testRequest',
					type: 'string',
					default: '',
					routing: { request: test.request, output: { postReceive: [recordStatus] } },
				},
			],
		},
	};

	const items = [{ json: {} }];
	const { harness, additionalData, credentialsHelper } = await prepareExecution({
		nodeType: testNodeType,
		parameters: {},
		items,
		credentials: { [credentialType.name]: data },
		credentialTypes: [credentialType, ...(options.credentialTypes ?? [])],
	});
	const credentialsDecrypted = {
		id: `${credentialType.name}-credential`,
		name: `${credentialType.name} account`,
		type: credentialType.name,
		data: await credentialsHelper.getDecrypted(additionalData, { id: null, name: '' }, credentialType.name, 'internal'),
	};
	const context = new ExecuteContext(
		harness.workflow,
		harness.node,
		additionalData,
		'internal',
		harness.runExecutionData,
		0,
		harness.executeData.data.main[0] ?? [],
		harness.executeData.data,
		harness.executeData,
		[],
	);

	let output: INodeExecutionData[][] | undefined;
	try {
		output = await new RoutingNode(context, testNodeType, credentialsDecrypted).runNode();
	} catch (error) {
		return failedTest(error as Error, test.rules);
	}

	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			if (valueAtPath(output?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value) {
				return { ok: false, status, message: rule.properties.message };
			}
		}
	}
	if (!output) return { ok: false, status, message: 'No data got returned' };
	return { ok: true, status, message: 'Connection successful!' };
}

function failedTest(error: Error, rules: NonNullable<ICredentialType['test']>['rules']): CredentialTestResult {
	const httpCode = error instanceof NodeApiError ? Number(error.httpCode) : NaN;
	const status = Number.isFinite(httpCode) ? httpCode : undefined;
	for (const rule of rules ?? []) {
		if (rule.type === 'responseCode' && status === rule.properties.value) {
			return { ok: false, status, message: rule.properties.message };
		}
	}
	return { ok: false, status, message: error.message };
}

function valueAtPath(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}
