'use strict';
// Results and timings of an acceptance run. Every check is one line as it happens
// (✓ / ✗ and, for a failure, what went wrong); the summary ends with the one line
// the CI reads: `N passed, N failed`.

class Report {
	constructor(out = process.stdout) {
		this.out = out;
		this.results = []; // { scope, what, ok, detail }
		this.timings = []; // { line, part, ms, note }
	}

	print(text) {
		this.out.write(`${text}\n`);
	}

	pass(scope, what) {
		this.results.push({ scope, what, ok: true });
		this.print(`  ✓ ${scope} › ${what}`);
	}

	fail(scope, what, detail) {
		// An error: its message and where it was thrown (not the whole async stack).
		const text =
			detail instanceof Error
				? [
						detail.message,
						...String(detail.stack || '')
							.split('\n')
							.filter((l) => /^\s+at /.test(l))
							.slice(0, 2),
					].join('\n')
				: String(detail || 'failed');
		this.results.push({ scope, what, ok: false, detail: text });
		this.print(`  ✗ ${scope} › ${what}\n${indent(text, '      ')}`);
	}

	/** Passes when `problems` (an array of strings) is empty, else fails with them. */
	expect(scope, what, problems) {
		const list = (problems || []).filter(Boolean);
		if (list.length === 0) this.pass(scope, what);
		else this.fail(scope, what, list.join('\n'));
		return list.length === 0;
	}

	/** Runs fn: a throw, or a returned non-empty array of problems, is a failure. Resolves true when it passed. */
	async check(scope, what, fn) {
		try {
			const problems = await fn();
			return this.expect(scope, what, Array.isArray(problems) ? problems : []);
		} catch (err) {
			this.fail(scope, what, err);
			return false;
		}
	}

	/** Times fn as `part` of `line`; a throw is recorded as a failure of that part and swallowed (resolves undefined). */
	async time(line, part, fn, { rethrow = false } = {}) {
		const started = Date.now();
		this.print(`\n── line ${line} · ${part}`);
		try {
			return await fn();
		} catch (err) {
			this.fail(`line ${line} · ${part}`, 'stopped early', err);
			if (rethrow) throw err;
			return undefined;
		} finally {
			const ms = Date.now() - started;
			this.timings.push({ line, part, ms });
			this.print(`   (${part}: ${seconds(ms)})`);
		}
	}

	get passed() {
		return this.results.filter((r) => r.ok).length;
	}

	get failed() {
		return this.results.filter((r) => !r.ok).length;
	}

	summary() {
		this.print('\n══ Time per part');
		const lines = [
			...new Set(this.timings.filter((t) => t.part !== 'whole run').map((t) => t.line)),
		];
		for (const line of lines) {
			const rows = this.timings.filter((t) => t.line === line && t.part !== 'whole run');
			const total = rows.reduce((sum, t) => sum + t.ms, 0);
			this.print(`  ${line === '-' ? 'setup' : `line ${line}`} (${seconds(total)} in all)`);
			for (const t of rows) this.print(`    ${t.part.padEnd(34)} ${seconds(t.ms).padStart(8)}`);
		}
		const whole = this.timings.find((t) => t.part === 'whole run');
		if (whole) this.print(`  whole run ${seconds(whole.ms)}`);
		const failures = this.results.filter((r) => !r.ok);
		if (failures.length) {
			this.print('\n══ Failures');
			for (const f of failures)
				this.print(`  ✗ ${f.scope} › ${f.what}\n${indent(firstLines(f.detail, 12), '      ')}`);
		}
		this.print('');
		this.print(`${this.passed} passed, ${this.failed} failed`);
	}
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function indent(text, pad) {
	return String(text)
		.split('\n')
		.map((l) => pad + l)
		.join('\n');
}

function firstLines(text, n) {
	const lines = String(text).split('\n');
	return lines.length > n
		? [...lines.slice(0, n), `… (${lines.length - n} more lines: see the check above)`].join('\n')
		: text;
}

module.exports = { Report, seconds };
