import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeProperties } from './actions/description';
import { RESOURCES } from './actions/resources';
import { route } from './actions/router';
import { resumeOnCallback } from './generation/resume';
import { getRestyles, getVoices } from './methods/catalogOptions';
import { searchEffects } from './methods/listSearch';
import { getAccounts } from '../core/accountOptions';
import { RESUME_WEBHOOKS } from './generation/callback';

export class PixVerse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PixVerse',
		name: 'pixVerse',
		icon: { light: 'file:../../icons/pixverse.svg', dark: 'file:../../icons/pixverse.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Generate, extend, upscale and lip-sync PixVerse videos through useapi.net',
		defaults: { name: 'PixVerse' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'useApiApi', required: true }],
		webhooks: RESUME_WEBHOOKS,
		properties: nodeProperties(RESOURCES),
	};

	methods = { loadOptions: { getAccounts, getVoices, getRestyles }, listSearch: { searchEffects } };

	/** Resumes an execution parked by "Resume When PixVerse Calls Back" when useapi.net calls back. */
	webhook = resumeOnCallback;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await route(this)];
	}
}
