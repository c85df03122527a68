/**
 * What n8n's CredentialsHelper (packages/cli) does for a node at run time, minus the database
 * and encryption: hands out credential data with the type's defaults filled in and expressions
 * resolved, applies the credential type's `authenticate` to outgoing requests (a generic one
 * by resolving its `={{$credentials.x}}` expressions with n8n-workflow's expression engine),
 * and runs `preAuthentication` for types with an expirable token.
 */
import {
	ICredentialsHelper,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialsExpressionResolveValues,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
} from 'n8n-workflow';
import type { CredentialTypeRegistry } from './credential-types';

export type CredentialDataByType = Record<string, ICredentialDataDecryptedObject>;

export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: CredentialTypeRegistry,
		/** Plain credential data by credential type name; preAuthentication writes refreshed tokens back here. */
		readonly store: CredentialDataByType,
	) {
		super();
	}

	/** How often a credential was read (n8n reads and decrypts it from its database each time). */
	decryptions = 0;

	getParentTypes(name: string): string[] {
		return this.credentialTypes.parentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.has(credentialType)) return true;
		const { restrictToSupportedNodes, supportedNodes } = this.credentialTypes.get(credentialType);
		return !restrictToSupportedNodes || (supportedNodes ?? []).includes(nodeType);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.properties(type);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(
			`The harness keeps no encrypted credentials (asked for "${type}" / ${nodeCredentials.name}); use getDecrypted`,
		);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode: unknown,
		_executeData?: unknown,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		this.decryptions++;
		const stored = this.store[type];
		if (stored === undefined) throw new Error(`No credential data of type "${type}" was given to the harness`);
		if (raw) return { ...stored };

		const withDefaults = (NodeHelpers.getNodeParameters(this.getCredentialsProperties(type), stored as INodeParameters, true, false, null, null) ??
			{}) as ICredentialDataDecryptedObject;
		if (!expressionResolveValues) return withDefaults;

		const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = expressionResolveValues;
		return workflow.expression.getParameterValue(
			withDefaults as INodeParameters,
			runExecutionData,
			runIndex,
			itemIndex,
			node.name,
			connectionInputData,
			'internal',
			{},
		) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.get(typeName);
		const options = requestOptions as IHttpRequestOptions;
		if (authenticate === undefined) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate.type !== 'generic') return options;
		if (!workflow || !node) {
			throw new Error(`Applying the generic authentication of "${typeName}" needs the workflow and node`);
		}

		const resolve = (value: string) => {
			if (!value.startsWith('=')) return value;
			const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
			return resolved === undefined || resolved === null ? '' : String(resolved);
		};
		const target = options as unknown as Record<string, Record<string, unknown> | undefined>;
		target.headers ??= {};
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			const resolvedSection = (target[section] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				resolvedSection[resolve(key)] = typeof value === 'string' ? resolve(value) : value;
			}
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const refreshed = await this.refreshExpirableProperty(helpers, credentials, typeName, credentialsExpired);
		if (refreshed) this.store[typeName] = { ...this.store[typeName], ...refreshed };
		return refreshed;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return await this.refreshExpirableProperty(helpers, credentials, typeName, true);
	}

	async updateCredentials(_nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store[type] = { ...this.store[type], ...data };
	}

	/** A type's hidden `expirable` property is (re)filled by its preAuthentication when empty or expired. */
	private async refreshExpirableProperty(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		expired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.get(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || !credentialType.preAuthentication) return undefined;
		if (!expired && credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) {
			throw new Error(`preAuthentication of "${typeName}" did not return the expirable property "${expirable.name}"`);
		}
		return { ...credentials, ...output } as ICredentialDataDecryptedObject;
	}
}
