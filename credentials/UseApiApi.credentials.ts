import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class UseApiApi implements ICredentialType {
	name = 'useApiApi';

	displayName = 'useapi.net API';

	icon: Icon = { light: 'file:../icons/pixverse.svg', dark: 'file:../icons/pixverse.dark.svg' };

	documentationUrl = 'https://useapi.net/docs/start-here/setup-useapi';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your useapi.net API token (it looks like user:12345-abc…), from useapi.net/docs/start-here',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.useapi.net',
			description:
				'Change only to reach the API through a proxy or to try workflows against the local PixVerse simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	// Listing the configured PixVerse accounts is free: the test never starts a generation.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v2/pixverse/accounts',
			method: 'GET',
			// As every request of the nodes: a redirect is not followed, the token stays with the Base URL.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
