import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { MediaKind } from '../../../core/api/mediaKinds';
import { MEDIA_KINDS, withArticle } from '../../../core/api/mediaKinds';
import type { FileInput } from './fileInput';
import { checkResultId } from './remoteFiles';
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
	/** Also offered last: a file of this kind PixVerse made, by its ID (`${name}ResultId`), which the node uploads. */
	fromResult?: MediaKind;
}

/** `singleFileFields` with the extra choice in front of "From Binary Field" and "Uploaded File Path". */
export function sourceChoiceFields(spec: SourceChoiceSpec): INodeProperties[] {
	const [selector, ...fileFields] = singleFileFields(spec);
	const firstChoice = spec.choice.value;
	if (!spec.fromResult) return [{ ...selector, default: firstChoice, options: [spec.choice, ...(selector.options ?? [])] }, ...fileFields];
	const { file, idField, noun } = MEDIA_KINDS[spec.fromResult];
	const resultChoice = { name: `${file.label} Made by PixVerse (ID)`, value: 'result', description: `${withArticle(noun)[0].toUpperCase()}${withArticle(noun).slice(1)} an earlier step made, by its ${idField}; the node uploads it` };
	return [
		{ ...selector, default: firstChoice, options: [spec.choice, ...(selector.options ?? []), resultChoice] },
		...fileFields,
		{
			displayName: `${file.label} ID`,
			name: `${spec.name}ResultId`,
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { [`${spec.name}Source`]: ['result'] } },
			placeholder: `user:12345-pixverse:you@example.com-${spec.fromResult}:987654`,
			description: `The ${idField} of ${withArticle(noun)} an earlier PixVerse step made; drag it in from that step's output`,
		},
	];
}

/** The file for `binary` or `path` (checked, nothing sent), or none when the extra choice is taken. */
export function readSourceChoice(context: IExecuteFunctions, itemIndex: number, spec: SourceChoiceSpec): FileInput | undefined {
	const choice = String(context.getNodeParameter(`${spec.name}Source`, itemIndex, spec.choice.value));
	if (choice === String(spec.choice.value)) return undefined;
	if (choice === 'result' && spec.fromResult) {
		const parameter = `${MEDIA_KINDS[spec.fromResult].file.label} ID`;
		const id = String(context.getNodeParameter(`${spec.name}ResultId`, itemIndex, '') ?? '');
		return { field: spec.apiField, kind: spec.kind, resultId: checkResultId(context, itemIndex, id, spec.fromResult, parameter) };
	}
	if (choice !== 'binary' && choice !== 'path') {
		throw new NodeOperationError(context.getNode(), `${spec.displayName} "${choice}" is not one of the choices`, {
			itemIndex,
			description: `Allowed: "${spec.choice.value}", "binary", "path"${spec.fromResult ? ', "result"' : ''}. Nothing was sent to PixVerse.`,
		});
	}
	const source = readSingleFile(context, itemIndex, spec.name);
	return fileInputs(context, itemIndex, [source], [spec.apiField], spec.kind, `${spec.displayName} Binary Field`)[0];
}
