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
	return { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, declaration: false, noEmit: false, isolatedModules: true };
}

let options;

require.extensions['.ts'] = function loadTypeScript(module, filename) {
	options ??= compilerOptions();
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
	module._compile(outputText, filename);
};
