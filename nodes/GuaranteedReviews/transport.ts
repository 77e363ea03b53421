import type { IDataObject } from 'n8n-workflow';

import { httpStatusFailure, notJsonFailure } from '../shared/failures';
import { credentialsOf, sendRequest } from '../shared/request';
import type { ApiRequest, ApiResponse, RequestContext, Service } from '../shared/request';
import type { ServiceFailure } from '../shared/errors';

// "An order will not be re-imported if another order with the same order_id or reference has
// already been sent": the service answers success 0 with this message, which is not a failure.
export const ALREADY_SENT = /already/i;

function messageOf(body: unknown): string | undefined {
	const message = (body as IDataObject | undefined)?.message;
	return typeof message === 'string' && message.trim() ? message : undefined;
}

function readFailure(response: ApiResponse): ServiceFailure | undefined {
	const body = response.body as IDataObject;
	const message = response.isJson ? messageOf(body) : undefined;
	const http = httpStatusFailure(guaranteedReviews, response);
	if (http) return http;
	const notJson = notJsonFailure(guaranteedReviews, response);
	if (notJson) return notJson;
	// The public API reports errors as `{data: <status>, message}` inside a 200.
	if (typeof body?.data === 'number' && body.data !== 200) {
		return { message: message ?? `Guaranteed Reviews refused the request`, code: body.data, body };
	}
	// `success: 0` with a message other than "already sent": nothing was imported, and why.
	if ((body?.success === 0 || body?.success === false) && message && !ALREADY_SENT.test(message)) {
		return { message, body };
	}
	return undefined;
}

export const guaranteedReviews: Service = {
	name: 'Guaranteed Reviews',
	credentialType: 'guaranteedReviewsApi',
	// the public key is public: it is part of the public reviews URL
	secretFields: ['apiKey'],
	readFailure,
};

export async function apiRequest(
	context: RequestContext,
	request: ApiRequest,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await sendRequest(context, guaranteedReviews, request, itemIndex);
	return response.body as IDataObject;
}

/** The public key from the credential, or looked up through the private stats endpoint. */
export async function publicKey(context: RequestContext, itemIndex: number): Promise<string> {
	const credentials = await credentialsOf(context, guaranteedReviews.credentialType);
	const configured = String(credentials.publicKey ?? '').trim();
	if (configured) return configured;
	const stats = await apiRequest(
		context,
		{ method: 'GET', path: 'private/v3/stats', qs: { scope: 'site', include_public_key: 'true' } },
		itemIndex,
	);
	return String(stats.public_key ?? '');
}
