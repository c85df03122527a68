import type { INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

export interface PanelField {
	name: string;
	displayName: string;
	type: string;
}

/**
 * The fields n8n's editor shows for a node description and the values set by hand (the rest at
 * their defaults), by n8n's own display logic, and the parameters n8n resolves for them.
 */
export function triggerPanel(description: INodeTypeDescription, values: INodeParameters): { shown: PanelField[]; parameters: INodeParameters } {
	const node = { typeVersion: 1 };
	const parameters = NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ?? {};
	const shown = description.properties
		.filter((property: INodeProperties) => property.type !== 'hidden' && NodeHelpers.displayParameter(parameters, property, node, description))
		.map(({ name, displayName, type }) => ({ name, displayName, type }));
	return { shown, parameters };
}
