import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { ResourceDefinition } from './operation';
import { simplifyFields } from './outputItems';

/**
 * A field's conditions in the order n8n must read them. n8n shows a field as soon as it meets a
 * condition whose value is an expression, without reading the rest: resource and operation come
 * first (or a model from an expression would show, and require, other operations' fields), and
 * the model, the value most often taken from an expression, comes last.
 */
function showInOrder(resource: string, operation: string, show: IDisplayOptions['show'] = {}): IDisplayOptions['show'] {
	const { model, ...rest } = show;
	return { resource: [resource], operation: [operation], ...rest, ...(model ? { model } : {}) };
}

/**
 * The node's properties: the resource selector, one operation selector per resource, then each
 * operation's fields shown only for that resource and operation.
 */
export function nodeProperties(resources: ResourceDefinition[]): INodeProperties[] {
	const firstResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((resource) => ({ name: resource.name, value: resource.value })),
			default: firstResource,
		},
	];
	for (const resource of resources) {
		const firstOperation = resource.operations[0].value;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations.map(({ name, value, action, description }) => ({ name, value, action, description })),
			default: firstOperation,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			for (const field of operation.outputsResults ? [...operation.fields, ...simplifyFields] : operation.fields) {
				properties.push({ ...field, displayOptions: { ...field.displayOptions, show: showInOrder(resource.value, operation.value, field.displayOptions?.show) } });
			}
		}
	}
	return properties;
}
