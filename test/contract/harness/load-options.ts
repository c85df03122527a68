/**
 * Runs a node's `methods.loadOptions[name]` the way the editor's dropdowns do (n8n's
 * DynamicNodeParametersService): with n8n-core's real LoadOptionsContext over a workflow
 * holding the node as currently configured.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialType, INodeParameters, INodePropertyOptions, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import type { CredentialDataByType } from './credentials-helper';
import { prepareExecution } from './prepare-execution';

export interface LoadOptionsOptions {
	parameters?: INodeParameters;
	credentials?: CredentialDataByType;
	credentialTypes?: ICredentialType[];
	typeVersion?: number;
}

export async function loadOptions(
	node: INodeType | IVersionedNodeType,
	methodName: string,
	options: LoadOptionsOptions = {},
): Promise<INodePropertyOptions[]> {
	const { harness, additionalData } = await prepareExecution({
		nodeType: node,
		parameters: options.parameters ?? {},
		items: [],
		credentials: options.credentials,
		credentialTypes: options.credentialTypes,
		typeVersion: options.typeVersion,
		openInEditor: true,
	});
	const nodeType = NodeHelpers.getVersionedNodeType(node, harness.node.typeVersion);
	const method = nodeType.methods?.loadOptions?.[methodName];
	if (!method) throw new Error(`Node "${nodeType.description.name}" has no loadOptions method "${methodName}"`);

	const property = nodeType.description.properties.find(
		(candidate) => candidate.typeOptions?.loadOptionsMethod === methodName,
	);
	const path = property ? `parameters.${property.name}` : 'parameters';
	const context = new LoadOptionsContext(harness.workflow, harness.node, additionalData, path);
	return await method.call(context);
}
