import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * Reads form parameters into the request's field names (`aspectRatio` → `aspect_ratio`),
 * leaving out what is unset: a field the chosen model does not show has no value, and an empty
 * text or list means "the model's default". A value set for a model that does not take it (a model
 * from an expression shows every field) is kept, for the checks to refuse.
 */
export function readMediaSettings(context: IExecuteFunctions, itemIndex: number, fields: Record<string, string>): IDataObject {
	const settings: IDataObject = {};
	for (const [parameter, apiField] of Object.entries(fields)) {
		const value = context.getNodeParameter(parameter, itemIndex, null) as unknown;
		if (value === null || value === undefined || value === '') continue;
		settings[apiField] = typeof value === 'string' ? value.trim() : (value as IDataObject[keyof IDataObject]);
	}
	return settings;
}
