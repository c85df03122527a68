import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkMusicSettings } from '../../../core/media/mediaChecks';
import { chargeForMusic } from '../../../core/media/mediaCharge';
import { musicModelFields } from '../../../core/media/mediaFormFields';
import { MUSIC_MODELS } from '../../../core/media/musicModels';
import type { OperationDefinition } from '../operation';
import { promptField } from '../shared/commonFields';
import { fileInputs, fileListFields, readFileList } from '../shared/fileFields';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import { readMediaSettings } from '../shared/mediaSettings';

const fields: INodeProperties[] = [
	promptField('The music: genre, mood, instruments, tempo', { required: true }),
	...musicModelFields,
	...fileListFields({
		name: 'referenceImages',
		displayName: 'Reference Images',
		kind: 'image',
		defaultBinary: 'data',
		optional: true,
		show: { model: ['lyria-3-pro-preview'] },
		description: 'Images whose mood the music follows (lyria-3-pro-preview only)',
	}),
	...generationOptions('music'),
];

/** Reads the form, checks it against the music model's rules and prepares POST /music/create. */
function prepareCreateMusic(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const settings: IDataObject = {
		prompt: context.getNodeParameter('prompt', itemIndex, '') as string,
		...readMediaSettings(context, itemIndex, { model: 'model', instrumental: 'instrumental', lyrics: 'lyrics' }),
	};
	if (settings.instrumental === false) delete settings.instrumental;
	const sources = readFileList(context, itemIndex, 'referenceImages');
	rejectProblems(context, itemIndex, checkMusicSettings({ ...settings, referenceImages: sources.length }));
	const files = fileInputs(context, itemIndex, sources, sources.map((_, index) => `image_path_${index + 1}`), 'image', 'Reference Images');
	return { endpoint: 'createMusic', body: settings, files, charge: chargeForMusic(settings) };
}

export const createMusicOperation: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create a music track',
	description: 'A song or an instrumental from a prompt, with your own lyrics on the models that take them',
	endpoint: ENDPOINTS.createMusic,
	fields,
	outputsVideos: true,
	mediaModels: MUSIC_MODELS.map((model) => model.id),
	run: { kind: 'generation', prepare: prepareCreateMusic },
};
