/**
 * n8n's own CredentialsHelper lives in the n8n server package, which the tests do not load. This
 * one does what it does for a node: hands out the decrypted data, applies the credential class's
 * real `authenticate` (function, or generic with `={{$credentials.x}}` expressions resolved by the
 * workflow's expression engine), and runs `preAuthentication` for expirable tokens, saving the result.
 */
import { ICredentialsHelper } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	Workflow,
} from 'n8n-workflow';

import { credentialTypes } from './registry';

export class TestCredentialsHelper extends ICredentialsHelper {
	/** how often each credential type was saved (a token fetched by preAuthentication) */
	readonly updates: Record<string, number> = {};
	/** how often each credential type was read (a real n8n loads and decrypts it from its database each time) */
	readonly reads: Record<string, number> = {};

	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	private resolve(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): unknown {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		return workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypes[typeName] ?? {};
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic') {
			const options = requestOptions as unknown as Record<string, IDataObject>;
			for (const [target, entries] of Object.entries(
				authenticate.properties as Record<string, IDataObject>,
			)) {
				options[target] = { ...(options[target] ?? {}) };
				for (const [key, value] of Object.entries(entries)) {
					const name = String(this.resolve(key, credentials, workflow, node));
					options[target][name] = this.resolve(value, credentials, workflow, node) as IDataObject;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		const expirable = type?.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		// As n8n's own helper: without the expirable field in the output nothing is saved or used.
		if (output[expirable.name] === undefined || !node.credentials) return undefined;
		this.store[typeName] = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		this.updates[typeName] = (this.updates[typeName] ?? 0) + 1;
		return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
	}

	// 2.x engine entry point for the same step.
	async runPreAuthentication(
		...args: Parameters<TestCredentialsHelper['preAuthentication']>
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return await this.preAuthentication(...args);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The tests never read encrypted credentials');
	}

	async getDecrypted(
		_additionalData: unknown,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		this.reads[type] = (this.reads[type] ?? 0) + 1;
		return { ...data };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}
