import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FileInput } from './fileInput';
import type { FileKind } from './uploadTypes';
import { fileInputs, readSingleFile, singleFileFields } from './fileFields';

/** An input file given as an input binary or an uploaded path, or by a choice of its own (a video ID, text to speech). */
export interface SourceChoiceSpec {
	/** Parameter names: `${name}Source`, `${name}BinaryProperty`, `${name}Path`. */
	name: string;
	displayName: string;
	kind: FileKind;
	/** The body field an uploaded path goes into. */
	apiField: string;
	description: string;
	/** Offered first, and the default. */
	choice: INodePropertyOptions;
	defaultBinary: string;
}

/** `singleFileFields` with the extra choice in front of "From Binary Field" and "Uploaded File Path". */
export function sourceChoiceFields(spec: SourceChoiceSpec): INodeProperties[] {
	const [selector, ...fileFields] = singleFileFields(spec);
	const firstChoice = spec.choice.value;
	return [{ ...selector, default: firstChoice, options: [spec.choice, ...(selector.options ?? [])] }, ...fileFields];
}

/** The file for `binary` or `path` (checked, nothing sent), or none when the extra choice is taken. */
export function readSourceChoice(context: IExecuteFunctions, itemIndex: number, spec: SourceChoiceSpec): FileInput | undefined {
	const choice = String(context.getNodeParameter(`${spec.name}Source`, itemIndex, spec.choice.value));
	if (choice === String(spec.choice.value)) return undefined;
	if (choice !== 'binary' && choice !== 'path') {
		throw new NodeOperationError(context.getNode(), `${spec.displayName} "${choice}" is not one of the choices`, {
			itemIndex,
			description: `Allowed: "${spec.choice.value}", "binary", "path". Nothing was sent to PixVerse.`,
		});
	}
	const source = readSingleFile(context, itemIndex, spec.name);
	return fileInputs(context, itemIndex, [source], [spec.apiField], spec.kind, `${spec.displayName} Binary Field`)[0];
}
