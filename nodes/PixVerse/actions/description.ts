import type { INodeProperties } from 'n8n-workflow';

import type { ResourceDefinition } from './operation';

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
			for (const field of operation.fields) {
				properties.push({
					...field,
					displayOptions: {
						...field.displayOptions,
						show: { ...field.displayOptions?.show, resource: [resource.value], operation: [operation.value] },
					},
				});
			}
		}
	}
	return properties;
}
