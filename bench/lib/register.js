'use strict';
// Lets plain Node load the project's TypeScript (nodes/, credentials/, test/kit/) the way ts-jest
// does in `npm test`: each .ts file transpiled on its own (isolatedModules, no type check) with the
// project's own `typescript` and the compiler options of tsconfig.json. Types are checked by
// `npm run typecheck`; the bench only needs the code.

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..', '..');

function compilerOptions() {
	const file = path.join(ROOT, 'tsconfig.json');
	const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
	if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
	const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
	return {
		...options,
		module: ts.ModuleKind.CommonJS,
		sourceMap: false,
		inlineSourceMap: true,
		declaration: false,
		noEmit: false,
		isolatedModules: true,
	};
}

let options;

require.extensions['.ts'] = function loadTypeScript(module, filename) {
	options ??= compilerOptions();
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: options,
		fileName: filename,
	});
	module._compile(outputText, filename);
};

/**
 * The quiet, local n8n-core the tests use (test/kit/env.ts), in a user folder of its own
 * (returned). Must run before n8n-core is loaded.
 */
function quietN8nEnvironment(prefix) {
	const userFolder = fs.mkdtempSync(path.join(require('node:os').tmpdir(), prefix));
	Object.assign(process.env, {
		N8N_USER_FOLDER: userFolder,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'silent',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		GENERIC_TIMEZONE: 'UTC',
		// 127.0.0.1 only: no proxy may see a request
		NO_PROXY: '*',
	});
	for (const name of [
		'HTTP_PROXY',
		'HTTPS_PROXY',
		'ALL_PROXY',
		'http_proxy',
		'https_proxy',
		'all_proxy',
	])
		delete process.env[name];
	return userFolder;
}

module.exports = { quietN8nEnvironment };
