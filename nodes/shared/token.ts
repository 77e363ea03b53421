import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import type { Service } from './request';

/**
 * An expiring token (fetched by the credential's preAuthentication) as the requests of one
 * execution share it. After a 401, one request is resent with the token emptied, so n8n fetches a
 * new one and saves it: once per execution, so a 401 that is really a refusal does not cost a token
 * fetch per item. Requests that were out at the same time (read-only operations send several at
 * once) and get a 401 too wait for that new token and are resent once with it: one refresh for
 * all of them, and their 401 is not taken as a refusal.
 */
export class TokenTurns {
	/** tokens fetched after a 401 in this execution (0 or 1) */
	generation = 0;
	/** the one refresh of the execution was made */
	refreshSpent = false;
	private current?: Promise<void>;

	/** Waits until no request is fetching a token. */
	async settled(): Promise<void> {
		while (this.current) await this.current;
	}

	/** Takes the turn now if it is free; call the function returned once the request is answered. */
	claim(): (() => void) | undefined {
		if (this.current) return undefined;
		let release!: () => void;
		this.current = new Promise<void>((resolve) => {
			release = () => {
				this.generation++;
				this.current = undefined;
				resolve();
			};
		});
		return release;
	}
}

/** The credential read once for the run, as n8n's request helper takes it (n8n updates `data` in place). */
export function decrypted(
	credentials: ICredentialDataDecryptedObject,
	service: Service,
): ICredentialsDecrypted {
	return { id: '', name: service.name, type: service.credentialType, data: credentials };
}

/**
 * One request's part in its execution's token turns: which credential each send goes with, and
 * whether a 401 is sent again. A credential without an expiring token (no `expirableTokenField`)
 * sends as it is and takes every 401 as the answer.
 */
export class TokenRefresh {
	private readonly tokenField?: string;
	/** this request is the execution's one refresh: its next send goes with the token emptied */
	private turn?: () => void;
	/** this request was already resent with a token another request fetched */
	private resent = false;
	/** the token generation the last send went with */
	private sentWith = 0;
	/** the credential of the send that is the refresh: n8n writes the new token into it */
	private refreshing?: ICredentialsDecrypted;

	constructor(
		private readonly turns: TokenTurns,
		private readonly credentials: ICredentialDataDecryptedObject,
		private readonly service: Service,
	) {
		this.tokenField = service.expirableTokenField?.(credentials);
	}

	/** Whether the credential's token expires: a 401 may then be sent again (see resendAfterUnauthorized). */
	get expires(): boolean {
		return this.tokenField !== undefined;
	}

	/** The credential the next send goes with; for the refresh, with the token emptied so n8n fetches a new one. */
	credential(): ICredentialsDecrypted {
		this.sentWith = this.turns.generation;
		this.refreshing =
			this.turn && this.tokenField
				? decrypted({ ...this.credentials, [this.tokenField]: '' }, this.service)
				: undefined;
		return this.refreshing ?? decrypted(this.credentials, this.service);
	}

	/**
	 * The send got a reply, whatever it is: a token n8n fetched for it is the one to send from now
	 * on, and the requests waiting for the refresh may go. Returns whether this send was the refresh.
	 */
	answered(): boolean {
		if (this.refreshing?.data && this.tokenField)
			this.credentials[this.tokenField] = this.refreshing.data[this.tokenField];
		const wasRefresh = this.turn !== undefined;
		this.end();
		return wasRefresh;
	}

	/**
	 * A 401 to a send that was not the refresh: whether to send again, with a token fetched since
	 * this send went out (once), or as the execution's one refresh. False: the 401 is the answer.
	 */
	async resendAfterUnauthorized(): Promise<boolean> {
		for (;;) {
			await this.turns.settled();
			if (this.sentWith < this.turns.generation) {
				if (this.resent) return false;
				this.resent = true;
				return true;
			}
			if (this.turns.refreshSpent) return false;
			const turn = this.turns.claim();
			// another request took the turn between the two lines: wait for its token
			if (!turn) continue;
			this.turns.refreshSpent = true;
			this.turn = turn;
			return true;
		}
	}

	/** The request is over (answered, failed or canceled): a refresh it held is released. */
	end(): void {
		this.turn?.();
		this.turn = undefined;
	}
}
