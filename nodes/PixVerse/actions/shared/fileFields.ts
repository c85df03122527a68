import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FileInput } from './fileInput';
import type { FileKind } from './uploadTypes';
import { binaryFileInput } from './fileInput';

type Show = NonNullable<IDisplayOptions['show']>;

/** Where one input file comes from: an input binary field, a path from an earlier upload, or a public URL. */
export type FileSource = { binaryProperty: string } | { path: string } | { url: string };

const KIND_LABEL: Record<FileKind, string> = { image: 'image', video: 'video', audio: 'audio' };
const KIND_TYPES: Record<FileKind, string> = { image: 'PNG, JPEG, GIF or WebP', video: 'MP4, MOV, WebM …', audio: 'WAV or MP3' };
const PATH_PLACEHOLDER: Record<FileKind, string> = { image: 'upload/3f1c….png', video: 'upload/9a2e….mp4', audio: 'upload/c41d….mp3' };

/** A comma- or newline-separated list, trimmed, without empty entries. */
export function splitList(value: string): string[] {
	return value.split(/[,\n]/).map((entry) => entry.trim()).filter(Boolean);
}

/** Source selector + binary field + path for one image (e.g. the first frame). */
export function singleFileFields(options: { name: string; displayName: string; kind: FileKind; defaultBinary: string; description: string }): INodeProperties[] {
	const { name, displayName, kind } = options;
	const defaultBinary = options.defaultBinary;
	return [
		{
			displayName,
			name: `${name}Source`,
			type: 'options',
			default: 'binary',
			options: [
				{ name: 'From Binary Field', value: 'binary', description: `Upload the ${KIND_LABEL[kind]} from the input item` },
				{ name: 'Uploaded File Path', value: 'path', description: 'A path returned by an earlier upload' },
			],
			description: options.description,
		},
		{
			displayName: `${displayName} Binary Field`,
			name: `${name}BinaryProperty`,
			type: 'string',
			default: defaultBinary,
			required: true,
			displayOptions: { show: { [`${name}Source`]: ['binary'] } },
			hint: `The name of the input binary field holding the ${KIND_LABEL[kind]} (${KIND_TYPES[kind]})`,
		},
		{
			displayName: `${displayName} Path`,
			name: `${name}Path`,
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { [`${name}Source`]: ['path'] } },
			placeholder: PATH_PLACEHOLDER[kind],
		},
	];
}

export function readSingleFile(context: IExecuteFunctions, itemIndex: number, name: string): FileSource {
	const source = context.getNodeParameter(`${name}Source`, itemIndex, 'binary') as string;
	if (source === 'path') return { path: (context.getNodeParameter(`${name}Path`, itemIndex, '') as string).trim() };
	return { binaryProperty: (context.getNodeParameter(`${name}BinaryProperty`, itemIndex, 'data') as string).trim() };
}

/**
 * Source selector + a list of binary field names or of uploaded paths, for inputs that take
 * several files of one kind (effect images, fusion references). `optional` adds "None".
 */
export function fileListFields(options: {
	name: string;
	displayName: string;
	kind: FileKind;
	defaultBinary: string;
	description: string;
	optional?: boolean;
	show?: Show;
}): INodeProperties[] {
	const { name, displayName, kind, show = {}, defaultBinary } = options;
	const defaultSource = options.optional ? 'none' : 'binary';
	const sourceOptions = [
		{ name: 'From Binary Fields', value: 'binary', description: `Upload each ${KIND_LABEL[kind]} from a binary field of the input item` },
		{ name: 'Uploaded File Paths', value: 'path', description: 'Paths returned by earlier uploads' },
		{ name: 'From URLs', value: 'url', description: `Download each ${KIND_LABEL[kind]} from a public http(s) URL, then upload it` },
	];
	return [
		{
			displayName,
			name: `${name}Source`,
			type: 'options',
			default: defaultSource,
			options: options.optional ? [{ name: 'None', value: 'none', description: `No reference ${KIND_LABEL[kind]}s` }, ...sourceOptions] : sourceOptions,
			displayOptions: { show },
			description: options.description,
		},
		{
			displayName: `${displayName}: Binary Fields`,
			name: `${name}BinaryFields`,
			type: 'string',
			default: defaultBinary,
			required: true,
			displayOptions: { show: { ...show, [`${name}Source`]: ['binary'] } },
			placeholder: 'data, data2',
			hint: `Names of the input binary fields, in order, separated by commas (${KIND_TYPES[kind]})`,
		},
		{
			displayName: `${displayName}: Paths`,
			name: `${name}Paths`,
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { ...show, [`${name}Source`]: ['path'] } },
			placeholder: `${PATH_PLACEHOLDER[kind]}, …`,
			hint: 'Uploaded file paths, in order, separated by commas',
		},
		{
			displayName: `${displayName}: URLs`,
			name: `${name}Urls`,
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { ...show, [`${name}Source`]: ['url'] } },
			placeholder: 'https://example.com/a.png, https://example.com/b.png',
			hint: `Public http(s) URLs of the ${KIND_LABEL[kind]}s (${KIND_TYPES[kind]}), in order, separated by commas or new lines`,
		},
	];
}

export function readFileList(context: IExecuteFunctions, itemIndex: number, name: string): FileSource[] {
	const source = context.getNodeParameter(`${name}Source`, itemIndex, 'none') as string;
	if (source === 'binary') return splitList(context.getNodeParameter(`${name}BinaryFields`, itemIndex, '') as string).map((binaryProperty) => ({ binaryProperty }));
	if (source === 'path') return splitList(context.getNodeParameter(`${name}Paths`, itemIndex, '') as string).map((path) => ({ path }));
	if (source === 'url') return splitList(context.getNodeParameter(`${name}Urls`, itemIndex, '') as string).map((url) => ({ url }));
	return [];
}

/**
 * The files of a request, each bound to its body field. Input binaries are checked (present, a
 * type useapi accepts for this kind) here, before anything is sent; the runner uploads them.
 */
export function fileInputs(context: IExecuteFunctions, itemIndex: number, sources: FileSource[], fields: string[], kind: FileKind, parameter: string): FileInput[] {
	return sources.map((source, index) => {
		if ('binaryProperty' in source) {
			return binaryFileInput(context, itemIndex, { field: fields[index], kind, binaryProperty: source.binaryProperty, parameter });
		}
		if ('url' in source) return { field: fields[index], kind, url: checkPublicUrl(context, itemIndex, source.url, parameter) };
		if (!source.path) {
			throw new NodeOperationError(context.getNode(), `"${parameter}" has an empty file path`, {
				itemIndex,
				description: 'Give the path an earlier upload returned (e.g. upload/….png). Nothing was sent to PixVerse.',
			});
		}
		return { field: fields[index], kind, path: source.path };
	});
}

/** A URL to download a file from: http(s) only, refused (naming the field) before anything is sent. Where it points is checked when it is downloaded. */
function checkPublicUrl(context: IExecuteFunctions, itemIndex: number, url: string, parameter: string): string {
	let protocol = '';
	try {
		protocol = new URL(url).protocol;
	} catch {
		// Not a URL: refused below.
	}
	if (protocol === 'http:' || protocol === 'https:') return url;
	throw new NodeOperationError(context.getNode(), `"${parameter}" has ${JSON.stringify(url.slice(0, 200))}, which is not an http(s) URL; allowed: public http:// or https:// URLs`, {
		itemIndex,
		description: 'Nothing was sent to PixVerse.',
	});
}
