/**
 * Secrets (API keys, tokens, passwords) must never reach an output item, an error message, a
 * description or a log. Everything user-visible that may echo a request passes through here.
 */
export const REDACTED = '***';

// Query or form parameters that carry a secret whatever their value, e.g. `?auth=…` in a URL the
// service echoes back, or a key the user typed in an expression we never saw.
const SECRET_PARAMETER =
	/\b(auth|api_key|apikey|api_secret|access_token|token|password|secret|key)=([^&\s"'()[\],;<>]+)/gi;

// Values shorter than this are not treated as secrets: replacing "1" everywhere would mangle output.
const MIN_SECRET_LENGTH = 4;

export function secretValues(values: Array<unknown>): string[] {
	return (
		values
			.filter(
				(value): value is string | number => typeof value === 'string' || typeof value === 'number',
			)
			.map(String)
			.filter((value) => value.length >= MIN_SECRET_LENGTH)
			// longest first, so a secret that contains another is replaced whole
			.sort((a, b) => b.length - a.length)
	);
}

export function redactText(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		result = result.split(secret).join(REDACTED);
		// the forms a reply may echo it in: URL-encoded, and JSON-escaped (PHP writes / as \/)
		for (const variant of [
			encodeURIComponent(secret),
			JSON.stringify(secret).slice(1, -1),
			secret.replace(/\//g, '\\/'),
		]) {
			if (variant !== secret) result = result.split(variant).join(REDACTED);
		}
	}
	return result.replace(SECRET_PARAMETER, (_match, name: string) => `${name}=${REDACTED}`);
}

/** A deep copy of a JSON-like value with every secret replaced in strings (keys included). */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as unknown as T;
	if (Array.isArray(value))
		return value.map((entry) => redactValue(entry, secrets)) as unknown as T;
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			copy[redactText(key, secrets)] = redactValue(entry, secrets);
		}
		return copy as T;
	}
	return value;
}
