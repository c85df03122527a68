/**
 * Runs a node's `methods.listSearch[name]` the way a resource locator's "From List" mode does
 * (n8n's DynamicNodeParametersService.getResourceLocatorResults): n8n-core's real
 * LoadOptionsContext over a workflow holding the node as currently configured, with the typed filter.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import type { LoadOptionsOptions } from './load-options';
import { prepareExecution } from './prepare-execution';

export async function listSearch(
	node: INodeType | IVersionedNodeType,
	methodName: string,
	options: LoadOptionsOptions & { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult> {
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
	const method = nodeType.methods?.listSearch?.[methodName];
	if (!method) throw new Error(`Node "${nodeType.description.name}" has no listSearch method "${methodName}"`);

	const property = nodeType.description.properties.find((candidate) =>
		candidate.modes?.some((mode) => mode.typeOptions?.searchListMethod === methodName),
	);
	const path = property ? `parameters.${property.name}` : 'parameters';
	const context = new LoadOptionsContext(harness.workflow, harness.node, additionalData, path);
	return await method.call(context, options.filter, options.paginationToken);
}
