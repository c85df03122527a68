import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FileInput } from './fileInput';
import { fileInputs, fileListFields, readFileList } from './fileFields';

/**
 * Reads form parameters into the request's field names (`aspectRatio` → `aspect_ratio`),
 * leaving out what is unset: a field the chosen model does not show has no value, and an empty
 * text or list means "the model's default". A value set for a model that does not take it (a model
 * from an expression shows every field) is kept, for the checks to refuse.
 */
export function readMediaSettings(context: IExecuteFunctions, itemIndex: number, fields: Record<string, string>): IDataObject {
	return settingsFrom((parameter) => context.getNodeParameter(parameter, itemIndex, null), fields);
}

/** The values `read` gives for the parameters, under their request field names; unset ones left out, texts trimmed. */
export function settingsFrom(read: (parameter: string) => unknown, fields: Record<string, string>): IDataObject {
	const settings: IDataObject = {};
	for (const [parameter, apiField] of Object.entries(fields)) {
		const value = read(parameter);
		if (value === null || value === undefined || value === '') continue;
		settings[apiField] = typeof value === 'string' ? value.trim() : (value as IDataObject[keyof IDataObject]);
	}
	return settings;
}

/** Reference images of an image or music Create (image_path_1 … image_path_N), from binary fields, uploaded paths or URLs. */
export function referenceImageFields(description: string, show?: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return fileListFields({ name: 'referenceImages', displayName: 'Reference Images', kind: 'image', defaultBinary: 'data', optional: true, description, ...(show ? { show } : {}) });
}

/** The reference images given, checked (nothing sent), as the files of the request. */
export function readReferenceImages(context: IExecuteFunctions, itemIndex: number): FileInput[] {
	const sources = readFileList(context, itemIndex, 'referenceImages');
	return fileInputs(context, itemIndex, sources, sources.map((_, index) => `image_path_${index + 1}`), 'image', 'Reference Images');
}
