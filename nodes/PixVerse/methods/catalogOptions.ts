import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchRestyles, fetchSpeechVoices, fetchVoices } from '../../core/api/catalogs';

/** The account chosen in the node, so a catalog is read from the account the job will run on. */
function chosenAccount(context: ILoadOptionsFunctions): string | undefined {
	const account = context.getCurrentNodeParameter('account');
	return typeof account === 'string' && account.trim() ? account.trim() : undefined;
}

/** Short facts about an entry (language, gender, …) for the dropdown's description line. */
function describe(entry: Record<string, unknown>, keys: string[]): string | undefined {
	const facts = keys.map((key) => entry[key]).filter((value) => typeof value === 'string' && value.trim());
	return facts.length ? facts.join(' · ') : undefined;
}

export async function getVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const voices = await fetchVoices(this, chosenAccount(this));
	return voices.map((voice) => ({
		name: voice.name,
		value: voice.speakerId,
		description: describe(voice.entry, ['language', 'gender', 'description']),
	}));
}

export async function getRestyles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const restyles = await fetchRestyles(this, chosenAccount(this));
	return [
		{ name: 'None (Describe the Style in the Prompt)', value: '' },
		...restyles.map((restyle) => ({
			name: restyle.name,
			value: restyle.restyleId,
			description: describe(restyle.entry, ['prompt', 'description']),
		})),
	];
}

/** The voices of the chosen speech model (a model from an expression: the default model's). */
export async function getSpeechVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const model = this.getCurrentNodeParameter('model');
	const voices = await fetchSpeechVoices(this, { email: chosenAccount(this), model: typeof model === 'string' && !model.startsWith('=') ? model : undefined });
	return voices.map((voice) => ({
		name: voice.name,
		value: voice.voiceId,
		description: describe(voice.entry, ['provider', 'gender', 'accent', 'age']),
	}));
}
