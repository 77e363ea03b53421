import { REDACTED, redactText, redactValue, secretValues } from '../../nodes/shared/redact';

describe('redact', () => {
	const secrets = secretValues(['12345/en/abcdef', 'tok_9f8e7d', '', 'ab', 42, undefined]);

	it('keeps only values long enough to be secrets, longest first', () => {
		expect(secrets).toEqual(['12345/en/abcdef', 'tok_9f8e7d']);
	});

	it('removes secrets as written and URL-encoded, and any secret-named parameter', () => {
		const text =
			'key 12345/en/abcdef in ?api_key=12345%2Fen%2Fabcdef&auth=zzz&token=tok_9f8e7d&page=2';
		expect(redactText(text, secrets)).toBe(
			`key ${REDACTED} in ?api_key=${REDACTED}&auth=${REDACTED}&token=${REDACTED}&page=2`,
		);
	});

	it('stops a secret-named parameter at punctuation around it', () => {
		expect(redactText('(see ?auth=abc123), then', [])).toBe(`(see ?auth=${REDACTED}), then`);
	});

	it('walks objects and arrays, keys included, without touching the original', () => {
		const value = { nested: [{ tok_9f8e7d: 'Bearer tok_9f8e7d' }], count: 3 };
		expect(redactValue(value, secrets)).toEqual({
			nested: [{ [REDACTED]: `Bearer ${REDACTED}` }],
			count: 3,
		});
		expect(value.nested[0]).toEqual({ tok_9f8e7d: 'Bearer tok_9f8e7d' });
	});
});
