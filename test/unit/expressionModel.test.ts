import type { INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { RESOURCES } from '../../nodes/PixVerse/actions/resources';

const description = new PixVerse().description;

/** The parameters n8n reports as having issues ("workflow has issues"), by n8n's own logic. */
function parametersWithIssues(values: INodeParameters): string[] {
	const node: INode = { id: 'n', name: 'PixVerse', type: 'n8n-nodes-useapi-pixverse.pixVerse', typeVersion: 1, position: [0, 0], parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ?? {};
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
	return Object.keys(issues?.parameters ?? {}).sort();
}

const operations = RESOURCES.flatMap((resource) => resource.operations.map((operation) => ({ resource: resource.value, operation })));
const withModel = operations.filter(({ operation }) => operation.model?.defaultModel !== undefined);

describe('a model set by an expression', () => {
	it('every field is shown first by resource and operation, as n8n reads conditions in order', () => {
		for (const property of description.properties.filter((field) => field.displayOptions?.show && field.name !== 'operation')) {
			expect(Object.keys(property.displayOptions!.show!).slice(0, 2)).toEqual(['resource', 'operation']);
		}
	});

	it.each(withModel.map(({ resource, operation }) => [`${resource} > ${operation.name}`, resource, operation.value, operation.model!.defaultModel!]))(
		'%s: model, quality and duration from expressions raise no issue the chosen model would not',
		(_label, resource, operation, defaultModel) => {
			const chosen = parametersWithIssues({ resource, operation, model: defaultModel });
			const fromExpressions = parametersWithIssues({
				resource,
				operation,
				model: '={{ $json.model }}',
				quality: '={{ $json.quality }}',
				duration: '={{ $json.duration }}',
			});
			expect(fromExpressions).toEqual(chosen);
		},
	);

	it('Video > Create with its prompt and an expression model has no issues at all', () => {
		expect(parametersWithIssues({ resource: 'video', operation: 'create', prompt: 'A fox', model: '={{ $json.model }}' })).toEqual([]);
	});

	it('no operation shows a required field of another operation', () => {
		for (const { resource, operation } of operations) {
			const issues = parametersWithIssues({ resource, operation: operation.value, model: '={{ $json.model }}' });
			const own = new Set(operation.fields.map((field) => field.name));
			expect(issues.filter((name) => !own.has(name))).toEqual([]);
		}
	});
});
