import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';

const properties = new PixVerse().description.properties;

/**
 * The fields n8n's editor shows for these parameter values, by n8n's own display logic. A field
 * of type `hidden` (a stand-in that keeps a value the form hides) shows nothing.
 */
export function visibleFields(parameters: Record<string, unknown>): INodeProperties[] {
	return properties.filter((property) => property.type !== 'hidden' && NodeHelpers.displayParameter(parameters as never, property, null, null));
}

export function visibleNames(parameters: Record<string, unknown>): string[] {
	return visibleFields(parameters).map((property) => property.name);
}

/** The one visible field of that name (several share a name, each shown for other models). */
export function visibleField(parameters: Record<string, unknown>, name: string): INodeProperties | undefined {
	const matches = visibleFields(parameters).filter((property) => property.name === name);
	if (matches.length > 1) throw new Error(`${matches.length} fields named "${name}" are visible at once`);
	return matches[0];
}

export const optionValues = (property?: INodeProperties) => (property?.options ?? []).map((option) => (option as { value: unknown }).value);
